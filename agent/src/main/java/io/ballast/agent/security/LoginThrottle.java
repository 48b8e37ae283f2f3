package io.ballast.agent.security;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: after each failed login from an address, that address waits twice as long
 * as before (from {@link #FIRST_DELAY_MS} up to {@link #MAX_DELAY_MS}) before its next attempt is
 * even checked. A success, or {@link #FORGET_AFTER_MS} of quiet, clears the address.
 */
public final class LoginThrottle {

    static final long FIRST_DELAY_MS = 250;
    static final long MAX_DELAY_MS = 16_000;
    static final long FORGET_AFTER_MS = 15 * 60_000;
    private static final int MAX_TRACKED = 10_000;

    private record Failures(int count, long lastAtMillis) {
    }

    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long a request from {@code address} must wait before its credentials are checked; 0 if none. */
    public long delayMillis(String address) {
        Failures f = failures.get(address);
        if (f == null) {
            return 0;
        }
        long now = clock.millis();
        if (now - f.lastAtMillis > FORGET_AFTER_MS) {
            failures.remove(address, f);
            return 0;
        }
        long delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS << Math.min(f.count - 1, 16));
        return Math.max(0, f.lastAtMillis + delay - now);
    }

    public void failed(String address) {
        if (failures.size() > MAX_TRACKED) {
            long now = clock.millis();
            failures.values().removeIf(f -> now - f.lastAtMillis > FORGET_AFTER_MS);
        }
        failures.merge(address, new Failures(1, clock.millis()),
                (old, one) -> new Failures(old.count + 1, one.lastAtMillis));
    }

    public void succeeded(String address) {
        failures.remove(address);
    }
}
