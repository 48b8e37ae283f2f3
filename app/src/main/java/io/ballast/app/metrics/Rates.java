package io.ballast.app.metrics;

/**
 * Per-second figures of one scope between two counter snapshots.
 * Active connections is a gauge, taken from the newer snapshot.
 */
public record Rates(double newConnections, double activeConnections, double bytesIn, double bytesOut, double packets) {

    public static final Rates ZERO = new Rates(0, 0, 0, 0, 0);

    public double get(Metric metric) {
        switch (metric) {
            case NEW_CONNECTIONS:
                return newConnections;
            case ACTIVE_CONNECTIONS:
                return activeConnections;
            case BYTES_IN:
                return bytesIn;
            case BYTES_OUT:
                return bytesOut;
            default:
                return packets;
        }
    }

    public Rates plus(Rates other) {
        return new Rates(newConnections + other.newConnections, activeConnections + other.activeConnections,
                bytesIn + other.bytesIn, bytesOut + other.bytesOut, packets + other.packets);
    }

    /** Bytes per second both ways: what edge widths follow. */
    public double throughput() {
        return bytesIn + bytesOut;
    }
}
