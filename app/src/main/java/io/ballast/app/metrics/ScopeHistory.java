package io.ballast.app.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The bounded history of one scope: every second for the last 15 minutes, and 10-second averages
 * for the last hour. Memory is fixed from the start, however long the client runs.
 */
public final class ScopeHistory {

    static final int FINE_POINTS = 15 * 60;
    static final int COARSE_POINTS = 60 * 6;
    static final long COARSE_STEP_MILLIS = 10_000;

    private final SeriesBuffer fine = new SeriesBuffer(FINE_POINTS);
    private final SeriesBuffer coarse = new SeriesBuffer(COARSE_POINTS);
    private long bucketStart = Long.MIN_VALUE;
    private int bucketCount;
    private Rates bucketSum = Rates.ZERO;

    public void add(long atMillis, Rates rates) {
        fine.add(atMillis, rates);
        long bucket = Math.floorDiv(atMillis, COARSE_STEP_MILLIS) * COARSE_STEP_MILLIS;
        if (bucket != bucketStart) {
            flushBucket();
            bucketStart = bucket;
        }
        bucketSum = bucketSum.plus(rates);
        bucketCount++;
    }

    /** Points of {@code metric} within {@code window} before {@code nowMillis}, oldest first. */
    public List<Point> points(Metric metric, TimeWindow window, long nowMillis) {
        long from = nowMillis - window.length().toMillis();
        List<Point> points = new ArrayList<>();
        if (window.length().toMillis() <= FINE_POINTS * 1000L) {
            collect(fine, metric, from, points);
        } else {
            collect(coarse, metric, from, points);
            if (bucketCount > 0) {
                points.add(new Point(bucketStart, (float) (bucketSum.get(metric) / bucketCount)));
            }
        }
        return points;
    }

    /** The latest one-second point, or zero rates when none arrived yet. */
    public Rates latest() {
        if (fine.size() == 0) {
            return Rates.ZERO;
        }
        int last = fine.size() - 1;
        return new Rates(fine.value(last, Metric.NEW_CONNECTIONS), fine.value(last, Metric.ACTIVE_CONNECTIONS),
                fine.value(last, Metric.BYTES_IN), fine.value(last, Metric.BYTES_OUT), fine.value(last, Metric.PACKETS));
    }

    int finePoints() {
        return fine.size();
    }

    int coarsePoints() {
        return coarse.size();
    }

    private void flushBucket() {
        if (bucketCount > 0) {
            Rates sum = bucketSum;
            int n = bucketCount;
            coarse.add(bucketStart, new Rates(sum.newConnections() / n, sum.activeConnections() / n,
                    sum.bytesIn() / n, sum.bytesOut() / n, sum.packets() / n));
        }
        bucketSum = Rates.ZERO;
        bucketCount = 0;
    }

    private static void collect(SeriesBuffer buffer, Metric metric, long from, List<Point> into) {
        for (int i = 0; i < buffer.size(); i++) {
            if (buffer.time(i) >= from) {
                into.add(new Point(buffer.time(i), buffer.value(i, metric)));
            }
        }
    }

    /** One charted point. */
    public record Point(long atMillis, float value) {
    }
}
