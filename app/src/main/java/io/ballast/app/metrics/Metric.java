package io.ballast.app.metrics;

/** The figures charted for every scope, each derived from two successive counter snapshots. */
public enum Metric {
    NEW_CONNECTIONS("New connections/s"),
    ACTIVE_CONNECTIONS("Active connections"),
    BYTES_IN("Bytes in/s"),
    BYTES_OUT("Bytes out/s"),
    PACKETS("Packets/s");

    private final String label;

    Metric(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
