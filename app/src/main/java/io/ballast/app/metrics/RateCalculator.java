package io.ballast.app.metrics;

import io.ballast.model.api.CounterSample;
import io.ballast.model.api.CounterSnapshot;
import io.ballast.model.api.Counters;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns successive cumulative counter snapshots of one agent into per-second rates.
 * A counter that went backwards means the plane restarted (or a server was re-added): that
 * interval counts from zero rather than showing a negative or a huge spike.
 */
public final class RateCalculator {

    private CounterSnapshot previous;
    private Map<Scope, Counters> previousByScope = Map.of();

    /** Rates since the last snapshot; empty for the first one or when time did not advance. */
    public Map<Scope, Rates> accept(CounterSnapshot snapshot) {
        Map<Scope, Counters> current = index(snapshot);
        Map<Scope, Rates> rates = new LinkedHashMap<>();
        if (previous != null && snapshot.atMillis() > previous.atMillis()) {
            double seconds = (snapshot.atMillis() - previous.atMillis()) / 1000.0;
            for (Map.Entry<Scope, Counters> entry : current.entrySet()) {
                Counters before = previousByScope.get(entry.getKey());
                rates.put(entry.getKey(), rate(before, entry.getValue(), seconds));
            }
        }
        if (previous == null || snapshot.atMillis() > previous.atMillis()) {
            previous = snapshot;
            previousByScope = current;
        }
        return rates;
    }

    private static Map<Scope, Counters> index(CounterSnapshot snapshot) {
        Map<Scope, Counters> byScope = new HashMap<>(snapshot.samples().size() * 2);
        for (CounterSample sample : snapshot.samples()) {
            if (sample.service() == null || sample.counters() == null) {
                continue;
            }
            byScope.put(new Scope(sample.service(), sample.realServer()), sample.counters());
        }
        return byScope;
    }

    private static Rates rate(Counters before, Counters now, double seconds) {
        Counters base = before == null ? Counters.ZERO : before;
        return new Rates(
                delta(base.connections(), now.connections()) / seconds,
                now.activeConnections(),
                delta(base.bytesIn(), now.bytesIn()) / seconds,
                delta(base.bytesOut(), now.bytesOut()) / seconds,
                (delta(base.packetsIn(), now.packetsIn()) + delta(base.packetsOut(), now.packetsOut())) / seconds);
    }

    private static long delta(long before, long now) {
        return now >= before ? now - before : now;
    }
}
