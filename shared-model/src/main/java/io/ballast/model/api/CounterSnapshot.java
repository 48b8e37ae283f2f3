package io.ballast.model.api;

import java.util.List;

/**
 * Every counter of a plane at one moment.
 *
 * @param total the plane's own totals over every service (IPVS: /proc/net/ip_vs_stats), with service
 *              and real server null, or null when the plane keeps none
 */
public record CounterSnapshot(long atMillis, List<CounterSample> samples, CounterSample total) {

    public CounterSnapshot {
        samples = List.copyOf(samples);
    }

    /** A snapshot without plane totals. */
    public CounterSnapshot(long atMillis, List<CounterSample> samples) {
        this(atMillis, samples, null);
    }
}
