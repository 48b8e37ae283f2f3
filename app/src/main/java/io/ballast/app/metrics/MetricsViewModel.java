package io.ballast.app.metrics;

import io.ballast.model.api.CounterSnapshot;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Live figures of a cluster: rates from each director's counter snapshots, summed over the
 * directors (in HA the master carries the traffic, in streamline every node may), kept as
 * bounded series per cluster, service and real server. Publishes at most once a second.
 */
public final class MetricsViewModel {

    static final long PUBLISH_EVERY_MILLIS = 900;
    static final long STALE_AFTER_MILLIS = 3_000;

    private final Map<String, RateCalculator> calculators = new HashMap<>();
    private final Map<String, DirectorRates> latestByDirector = new LinkedHashMap<>();
    private final Map<Scope, ScopeHistory> histories = new HashMap<>();
    private final ReadOnlyObjectWrapper<Map<Scope, Rates>> latest = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyLongWrapper publishedAt = new ReadOnlyLongWrapper(0);
    private final ObjectProperty<Scope> selectedScope = new SimpleObjectProperty<>(Scope.CLUSTER);
    private final ObjectProperty<TimeWindow> window = new SimpleObjectProperty<>(TimeWindow.FIVE_MINUTES);

    /** One agent's snapshot; publishes merged figures when a second has passed since the last time. */
    public void accept(String director, CounterSnapshot snapshot) {
        Map<Scope, Rates> rates = calculators.computeIfAbsent(director, d -> new RateCalculator()).accept(snapshot);
        if (!rates.isEmpty()) {
            latestByDirector.put(director, new DirectorRates(snapshot.atMillis(), rates));
        }
        if (snapshot.atMillis() - publishedAt.get() >= PUBLISH_EVERY_MILLIS && !latestByDirector.isEmpty()) {
            publish(snapshot.atMillis());
        }
    }

    /** Forgets a director's figures at once, e.g. when it becomes unreachable, so nothing stale is summed. */
    public void forget(String director) {
        latestByDirector.remove(director);
        calculators.remove(director);
    }

    private void publish(long atMillis) {
        Map<Scope, Rates> merged = new HashMap<>();
        for (DirectorRates rates : latestByDirector.values()) {
            if (atMillis - rates.atMillis() > STALE_AFTER_MILLIS) {
                continue;
            }
            rates.byScope().forEach((scope, r) -> merged.merge(scope, r, Rates::plus));
        }
        addTotals(merged);
        merged.forEach((scope, r) -> histories.computeIfAbsent(scope, s -> new ScopeHistory()).add(atMillis, r));
        latest.set(Collections.unmodifiableMap(merged));
        publishedAt.set(atMillis);
    }

    // Services without a total sample get the sum of their real servers; the cluster is the sum of its services.
    private static void addTotals(Map<Scope, Rates> merged) {
        Map<Scope, Rates> derived = new HashMap<>();
        merged.forEach((scope, r) -> {
            if (scope.isRealServer() && !merged.containsKey(Scope.service(scope.service()))) {
                derived.merge(Scope.service(scope.service()), r, Rates::plus);
            }
        });
        merged.putAll(derived);
        Rates cluster = Rates.ZERO;
        for (Map.Entry<Scope, Rates> entry : merged.entrySet()) {
            if (!entry.getKey().isRealServer() && !entry.getKey().isCluster()) {
                cluster = cluster.plus(entry.getValue());
            }
        }
        merged.put(Scope.CLUSTER, cluster);
    }

    /** Points of {@code metric} for the selected scope and window, oldest first. */
    public List<ScopeHistory.Point> series(Metric metric) {
        return series(selectedScope.get(), metric, window.get());
    }

    public List<ScopeHistory.Point> series(Scope scope, Metric metric, TimeWindow in) {
        ScopeHistory history = histories.get(scope);
        return history == null ? List.of() : history.points(metric, in, publishedAt.get());
    }

    /** The last published rates of a scope; zero when it has none. */
    public Rates latest(Scope scope) {
        return latest.get().getOrDefault(scope, Rates.ZERO);
    }

    public ReadOnlyObjectProperty<Map<Scope, Rates>> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    /** When figures were last published (epoch ms); views redraw when it changes. */
    public ReadOnlyLongProperty publishedAtProperty() {
        return publishedAt.getReadOnlyProperty();
    }

    public ObjectProperty<Scope> selectedScopeProperty() {
        return selectedScope;
    }

    public ObjectProperty<TimeWindow> windowProperty() {
        return window;
    }

    public int scopeCount() {
        return histories.size();
    }

    private record DirectorRates(long atMillis, Map<Scope, Rates> byScope) {
    }
}
