package io.ballast.agent.api;

import io.ballast.agent.failover.FailoverEngine;
import io.ballast.agent.health.HealthMonitor;
import io.ballast.agent.reconcile.Reconciler;
import io.ballast.agent.security.LoginThrottle;
import io.ballast.agent.security.TokenStore;
import io.ballast.agent.state.EventJournal;
import io.ballast.agent.state.SpecStore;
import io.ballast.agent.state.StatsHistory;
import io.ballast.agent.stats.StatsSampler;
import io.ballast.model.api.Capabilities;
import java.time.Clock;

/**
 * Everything the API resources use, handed to {@link ApiRoutes#install}; tests build the same
 * record around an in-memory plane.
 */
public record ApiServices(
        String nodeId,
        Capabilities plane,
        FailoverEngine failover,
        HealthMonitor health,
        Reconciler reconciler,
        SpecStore store,
        EventJournal journal,
        StatsHistory history,
        StatsSampler sampler,
        TokenStore token,
        LoginThrottle throttle,
        Clock clock,
        long startedAtMillis) {
}
