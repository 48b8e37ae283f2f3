package io.ballast.app.metrics;

import java.time.Duration;

/** How far back a chart looks. */
public enum TimeWindow {
    FIVE_MINUTES(Duration.ofMinutes(5), "5 min"),
    FIFTEEN_MINUTES(Duration.ofMinutes(15), "15 min"),
    SIXTY_MINUTES(Duration.ofMinutes(60), "60 min");

    private final Duration length;
    private final String label;

    TimeWindow(Duration length, String label) {
        this.length = length;
        this.label = label;
    }

    public Duration length() {
        return length;
    }

    @Override
    public String toString() {
        return label;
    }
}
