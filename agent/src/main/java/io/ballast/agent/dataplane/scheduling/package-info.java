/**
 * The IPVS connection schedulers, written as the kernel's {@code net/netfilter/ipvs/ip_vs_*.c} does
 * them, for any plane that picks destinations itself (the userspace forwarder) and for differential
 * tests that compare a kernel plane's choices with the kernel's algorithm. Plane-neutral: nothing
 * here opens a socket; a plane hands in its destinations through {@link
 * io.ballast.agent.dataplane.scheduling.Destination}.
 */
package io.ballast.agent.dataplane.scheduling;
