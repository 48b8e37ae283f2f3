package io.ballast.agent.health;

/**
 * Turns a stream of check results into an up/down verdict. An up server goes down after
 * {@code fall} consecutive failures, a down server comes up after {@code rise} consecutive
 * successes. An <em>undecided</em> counter (a new server, or a changed check) takes the very first
 * result as its verdict, so a server added to a pool serves as soon as it passes once.
 */
final class RiseFallCounter {

    private boolean up;
    private boolean decided;
    private int successes;
    private int failures;

    RiseFallCounter(boolean up, boolean decided) {
        this.up = up;
        this.decided = decided;
    }

    /** Counts one result; returns true when the verdict flipped. Thresholds below 1 count as 1. */
    boolean record(boolean healthy, int rise, int fall) {
        if (healthy) {
            successes++;
            failures = 0;
        } else {
            failures++;
            successes = 0;
        }
        if (!decided) {
            decided = true;
            boolean flipped = up != healthy;
            up = healthy;
            return flipped;
        }
        if (up && !healthy && failures >= Math.max(1, fall)) {
            up = false;
            return true;
        }
        if (!up && healthy && successes >= Math.max(1, rise)) {
            up = true;
            return true;
        }
        return false;
    }

    /** Forgets the counts; the next result decides. The verdict stays until then. */
    void restart() {
        decided = false;
        successes = 0;
        failures = 0;
    }

    /** Forces a verdict (a server whose check was removed is up; one that cannot be checked is down). */
    boolean force(boolean newUp) {
        boolean flipped = up != newUp;
        up = newUp;
        decided = true;
        successes = 0;
        failures = 0;
        return flipped;
    }

    boolean up() {
        return up;
    }

    boolean decided() {
        return decided;
    }

    int successes() {
        return successes;
    }

    int failures() {
        return failures;
    }
}
