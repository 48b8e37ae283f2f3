package io.ballast.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RiseFallCounterTest {

    @Test
    void upServerFallsOnlyAfterFallConsecutiveFailures() {
        RiseFallCounter counter = new RiseFallCounter(true, true);
        assertThat(counter.record(false, 2, 3)).isFalse();
        assertThat(counter.record(false, 2, 3)).isFalse();
        assertThat(counter.record(true, 2, 3)).isFalse();
        assertThat(counter.record(false, 2, 3)).isFalse();
        assertThat(counter.record(false, 2, 3)).isFalse();
        assertThat(counter.record(false, 2, 3)).isTrue();
        assertThat(counter.up()).isFalse();
    }

    @Test
    void downServerRisesOnlyAfterRiseConsecutiveSuccesses() {
        RiseFallCounter counter = new RiseFallCounter(false, true);
        assertThat(counter.record(true, 2, 3)).isFalse();
        assertThat(counter.record(false, 2, 3)).isFalse();
        assertThat(counter.record(true, 2, 3)).isFalse();
        assertThat(counter.record(true, 2, 3)).isTrue();
        assertThat(counter.up()).isTrue();
    }

    @Test
    void undecidedCounterTakesTheFirstResult() {
        RiseFallCounter counter = new RiseFallCounter(false, false);
        assertThat(counter.record(true, 5, 5)).isTrue();
        assertThat(counter.up()).isTrue();
        assertThat(counter.record(false, 5, 5)).as("decided now: fall applies").isFalse();
    }

    @Test
    void restartKeepsTheVerdictUntilTheNextResult() {
        RiseFallCounter counter = new RiseFallCounter(true, true);
        counter.record(false, 2, 3);
        counter.restart();
        assertThat(counter.up()).isTrue();
        assertThat(counter.failures()).isZero();
        assertThat(counter.record(false, 2, 3)).isTrue();
    }

    @Test
    void thresholdsBelowOneCountAsOne() {
        RiseFallCounter counter = new RiseFallCounter(true, true);
        assertThat(counter.record(false, 0, 0)).isTrue();
        assertThat(counter.record(true, 0, 0)).isTrue();
    }
}
