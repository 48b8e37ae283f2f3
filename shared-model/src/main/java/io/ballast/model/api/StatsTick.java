package io.ballast.model.api;

import java.util.List;

/**
 * One second of traffic, pushed on the SSE stream as event "stats": the cluster total, each service,
 * and the plane's cumulative counters of every service and real server (from which a client derives
 * per-server rates and active connections).
 */
public record StatsTick(long atMillis, StatsPoint total, List<StatsSeries> services, CounterSnapshot counters) {

    public StatsTick {
        services = List.copyOf(services);
    }
}
