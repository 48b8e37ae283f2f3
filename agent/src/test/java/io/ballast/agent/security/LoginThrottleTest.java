package io.ballast.agent.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void eachFailureDoublesTheWaitUpToTheCap() {
        TestClock clock = new TestClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        assertThat(throttle.delayMillis("192.0.2.7")).isZero();
        long expected = LoginThrottle.FIRST_DELAY_MS;
        for (int i = 0; i < 10; i++) {
            throttle.failed("192.0.2.7");
            assertThat(throttle.delayMillis("192.0.2.7")).isEqualTo(Math.min(expected, LoginThrottle.MAX_DELAY_MS));
            expected *= 2;
        }
        assertThat(throttle.delayMillis("192.0.2.8")).as("another address is not slowed").isZero();
    }

    @Test
    void successOrQuietClearsTheAddress() {
        TestClock clock = new TestClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        throttle.failed("192.0.2.7");
        throttle.succeeded("192.0.2.7");
        assertThat(throttle.delayMillis("192.0.2.7")).isZero();
        throttle.failed("192.0.2.9");
        clock.now = clock.now.plus(Duration.ofMillis(LoginThrottle.FORGET_AFTER_MS + 1));
        assertThat(throttle.delayMillis("192.0.2.9")).isZero();
    }
}
