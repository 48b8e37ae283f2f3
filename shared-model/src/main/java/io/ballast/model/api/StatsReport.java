package io.ballast.model.api;

import java.util.List;

/**
 * Body of GET /api/v1/stats: series at the resolution that serves the asked step.
 *
 * @param fromMillis first step returned
 * @param toMillis   end of the range
 * @param stepMillis the resolution actually used (the finest kept for that age that is not finer than asked)
 */
public record StatsReport(long fromMillis, long toMillis, long stepMillis, List<StatsSeries> series) {

    public StatsReport {
        series = List.copyOf(series);
    }
}
