package io.ballast.app.metrics;

/**
 * A fixed-size ring of points, each a time and one value per {@link Metric}; the oldest point
 * is overwritten. Primitive arrays so that a thousand real servers cost megabytes, not hundreds.
 */
final class SeriesBuffer {

    private static final int METRICS = Metric.values().length;

    private final long[] times;
    private final float[] values;
    private int start;
    private int size;

    SeriesBuffer(int capacity) {
        times = new long[capacity];
        values = new float[capacity * METRICS];
    }

    void add(long atMillis, Rates rates) {
        int slot;
        if (size < times.length) {
            slot = (start + size) % times.length;
            size++;
        } else {
            slot = start;
            start = (start + 1) % times.length;
        }
        times[slot] = atMillis;
        for (Metric metric : Metric.values()) {
            values[slot * METRICS + metric.ordinal()] = (float) rates.get(metric);
        }
    }

    int size() {
        return size;
    }

    int capacity() {
        return times.length;
    }

    long time(int index) {
        return times[(start + index) % times.length];
    }

    float value(int index, Metric metric) {
        return values[((start + index) % times.length) * METRICS + metric.ordinal()];
    }
}
