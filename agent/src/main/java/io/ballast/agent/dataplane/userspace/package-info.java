/**
 * The userspace data plane: a real TCP and UDP forwarder (Java NIO, one event-loop thread) that
 * listens on each virtual address and port of the table and forwards to the real servers with the
 * IPVS schedulers of {@code dataplane/scheduling}. For the lab and for tests only, never for
 * production traffic: it terminates TCP, so real servers see the director's address (NAT-like
 * proxying; DR and TUN are not reproduced).
 */
package io.ballast.agent.dataplane.userspace;
