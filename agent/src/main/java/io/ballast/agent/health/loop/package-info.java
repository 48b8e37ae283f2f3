/** The single thread that schedules every health check and runs the non-blocking sockets they use. */
package io.ballast.agent.health.loop;
