/** TCP connect checks: non-blocking connects on the monitor's loop, closed with a reset. */
package io.ballast.agent.health.tcp;
