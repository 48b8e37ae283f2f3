package io.ballast.agent.state;

import io.ballast.model.api.StatsPoint;
import io.ballast.model.api.StatsSeries;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The last {@link #SECONDS} one-second points of the cluster total and of each service, in memory. */
final class StatsMemory {

    static final int SECONDS = 15 * 60;
    static final String TOTAL = "*";

    private final Map<String, ArrayDeque<StatsPoint>> rings = new HashMap<>();

    synchronized void add(String service, StatsPoint point) {
        ArrayDeque<StatsPoint> ring = rings.computeIfAbsent(service, s -> new ArrayDeque<>(SECONDS));
        if (ring.size() == SECONDS) {
            ring.removeFirst();
        }
        ring.addLast(point);
    }

    /** Forgets services that left the spec, so memory follows the table. */
    synchronized void retainOnly(java.util.Set<String> services) {
        rings.keySet().removeIf(s -> !s.equals(TOTAL) && !services.contains(s));
    }

    synchronized List<StatsSeries> range(long from, long to) {
        List<StatsSeries> out = new ArrayList<>();
        rings.forEach((service, ring) -> {
            List<StatsPoint> points = new ArrayList<>();
            for (StatsPoint p : ring) {
                if (p.atMillis() >= from && p.atMillis() < to) {
                    points.add(p);
                }
            }
            out.add(new StatsSeries(service, null, points));
        });
        return out;
    }
}
