package io.ballast.agent.state;

import io.ballast.model.api.StatsPoint;

/** Sums 1 s points into one step of a tier: counts add up, active connections keep the latest value. */
final class StatsAccumulator {

    private final long start;
    private long connections;
    private long active;
    private long bytesIn;
    private long bytesOut;

    StatsAccumulator(long start) {
        this.start = start;
    }

    void add(StatsPoint p) {
        connections += p.connections();
        active = p.activeConnections();
        bytesIn += p.bytesIn();
        bytesOut += p.bytesOut();
    }

    StatsPoint point() {
        return new StatsPoint(start, connections, active, bytesIn, bytesOut);
    }
}
