package io.ballast.app.lab;

import java.util.Optional;

/**
 * The lab the desktop client was started for, if any. JavaFX creates the Application itself, so the
 * launcher leaves the running lab here for it to pick up.
 */
public final class LabSession {

    private static volatile LabSession current;

    private final Lab lab;
    private final int rate;

    private LabSession(Lab lab, int rate) {
        this.lab = lab;
        this.rate = rate;
    }

    public static void open(Lab lab, int rate) {
        current = new LabSession(lab, rate);
    }

    public static Optional<LabSession> current() {
        return Optional.ofNullable(current);
    }

    public Lab lab() {
        return lab;
    }

    public int rate() {
        return rate;
    }
}
