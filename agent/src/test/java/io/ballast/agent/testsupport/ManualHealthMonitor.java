package io.ballast.agent.testsupport;

import io.ballast.agent.health.HealthMonitor;
import io.ballast.agent.health.HealthVerdict;
import io.ballast.model.ClusterSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A health monitor whose verdicts the test sets; each verdict set is reported as a transition. */
public final class ManualHealthMonitor implements HealthMonitor {

    private final Map<String, Map<String, HealthVerdict>> verdicts = new HashMap<>();
    private final List<Consumer<HealthVerdict>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void update(ClusterSpec spec) {
        // The test decides the verdicts.
    }

    @Override
    public synchronized Map<String, Map<String, HealthVerdict>> verdicts() {
        Map<String, Map<String, HealthVerdict>> copy = new HashMap<>();
        verdicts.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        return copy;
    }

    public void set(String service, String realServer, boolean up) {
        HealthVerdict verdict = new HealthVerdict(service, realServer, up, up ? "ok" : "connect refused",
                System.currentTimeMillis());
        synchronized (this) {
            verdicts.computeIfAbsent(service, s -> new HashMap<>()).put(realServer, verdict);
        }
        listeners.forEach(l -> l.accept(verdict));
    }

    @Override
    public void onTransition(Consumer<HealthVerdict> listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        listeners.clear();
    }
}
