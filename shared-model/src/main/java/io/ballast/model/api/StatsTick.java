package io.ballast.model.api;

import java.util.List;

/** One second of traffic, pushed on the SSE stream as event "stats": the cluster total and each service. */
public record StatsTick(long atMillis, StatsPoint total, List<StatsSeries> services) {

    public StatsTick {
        services = List.copyOf(services);
    }
}
