/**
 * Health checks of real servers. {@link io.ballast.agent.health.HealthMonitor} is what the agent
 * uses; {@link io.ballast.agent.health.ScheduledHealthMonitor} runs every check on one
 * {@link io.ballast.agent.loop.EventLoop} thread. Kinds of check are
 * {@link io.ballast.agent.health.Checker}s found through the {@link io.ballast.agent.health.CheckerRegistry}:
 * {@code tcp/}, {@code http/} (http and https), {@code script/}; later {@code snmp/}, {@code winrm/}.
 * Rules for verdicts and what the reconciler does with them: docs/health-checks.md.
 */
package io.ballast.agent.health;
