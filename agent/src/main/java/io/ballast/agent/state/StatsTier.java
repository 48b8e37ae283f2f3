package io.ballast.agent.state;

import java.time.Duration;

/**
 * One resolution of the stored stats history. Services get finer steps than real servers because
 * there are far fewer of them; the sizes are worked out in docs/agent.md.
 */
public enum StatsTier {
    SERVICE_10S(1, Duration.ofSeconds(10), Duration.ofHours(24), false),
    SERVICE_5MIN(2, Duration.ofMinutes(5), Duration.ofDays(30), false),
    REAL_SERVER_1MIN(3, Duration.ofMinutes(1), Duration.ofHours(24), true),
    REAL_SERVER_1H(4, Duration.ofHours(1), Duration.ofDays(30), true);

    final int code;
    final long stepMillis;
    final long keepMillis;
    final boolean realServers;

    StatsTier(int code, Duration step, Duration keep, boolean realServers) {
        this.code = code;
        this.stepMillis = step.toMillis();
        this.keepMillis = keep.toMillis();
        this.realServers = realServers;
    }

    public long stepMillis() {
        return stepMillis;
    }
}
