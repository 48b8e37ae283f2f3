package io.ballast.agent.health;

/**
 * The outcome of one check.
 *
 * @param healthy true when the server passed this check
 * @param detail  a short sentence for the operator: "connected in 2 ms", "HTTP 503 (expected 200)"
 */
public record ProbeResult(boolean healthy, String detail) {

    public static ProbeResult ok(String detail) {
        return new ProbeResult(true, detail);
    }

    public static ProbeResult failed(String detail) {
        return new ProbeResult(false, detail);
    }

    /** Milliseconds since {@code startedNanos} (a {@link System#nanoTime()}), for details. */
    public static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
