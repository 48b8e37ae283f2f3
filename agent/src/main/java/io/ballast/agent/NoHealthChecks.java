package io.ballast.agent;

import io.ballast.agent.health.HealthMonitor;
import io.ballast.agent.health.HealthVerdict;
import io.ballast.model.ClusterSpec;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Stands in when this build has no health checkers: no verdicts, so every real server shows as
 * "unchecked" in the status and stays in the table. The agent logs a warning when it uses this. Tests
 * and benchmarks whose failures are whole directors use it too.
 */
public final class NoHealthChecks implements HealthMonitor {

    @Override
    public void update(ClusterSpec spec) {
        // Nothing is checked.
    }

    @Override
    public Map<String, Map<String, HealthVerdict>> verdicts() {
        return Map.of();
    }

    @Override
    public void onTransition(Consumer<HealthVerdict> listener) {
        // No checks, so no transitions.
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
