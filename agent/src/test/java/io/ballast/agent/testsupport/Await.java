package io.ballast.agent.testsupport;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Bounded waiting for something a real engine does in its own time (a role change, a VIP moving). */
public final class Await {

    private static final long POLL_MILLIS = 10;

    private Await() {
    }

    /** Returns as soon as {@code condition} holds; fails the test naming {@code what} after {@code seconds}. */
    public static void until(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /**
     * Retries {@code check} (assertions) until it passes, for up to 10 s; then the last failure is the
     * test's failure, with the assertion's own message.
     */
    public static void eventually(Runnable check) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > until) {
                    throw e;
                }
                Thread.sleep(POLL_MILLIS);
            }
        }
    }
}
