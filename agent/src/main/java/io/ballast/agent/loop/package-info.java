/**
 * The agent's single-threaded event loop: one thread that owns a selector, timers and hand-offs from
 * other threads. The health checks run every probe on one, the userspace data plane forwards every
 * connection on another; neither needs locks for the state its loop owns.
 */
package io.ballast.agent.loop;
