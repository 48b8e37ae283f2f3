package io.ballast.agent.failover.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.agent.failover.lab.VrrpStateMachine.Action;
import io.ballast.model.api.Role;
import org.junit.jupiter.api.Test;

class VrrpStateMachineTest {

    private static final VrrpTimers TIMERS = new VrrpTimers(100, 3);

    private static VrrpStateMachine node(String name, int priority, boolean preempt, long preemptDelayMs) {
        return new VrrpStateMachine(name, priority, TIMERS, preempt, preemptDelayMs, 100);
    }

    @Test
    void masterDownIntervalIsThreeAdvertsPlusSkewThatFavoursHigherPriority() {
        assertThat(TIMERS.masterDownMs(150)).isEqualTo(300 + (256 - 150) * 100 / 256);
        assertThat(TIMERS.masterDownMs(200)).isLessThan(TIMERS.masterDownMs(100));
    }

    @Test
    void lonelyNodeBecomesMasterAfterOneMasterDownInterval() {
        VrrpStateMachine a = node("a", 150, true, 0);
        a.start(0);

        assertThat(a.onTimer(TIMERS.masterDownMs(150) - 1)).isEqualTo(Action.NONE);
        assertThat(a.role()).isEqualTo(Role.BACKUP);
        assertThat(a.onTimer(TIMERS.masterDownMs(150))).isEqualTo(Action.SEND_ADVERT);
        assertThat(a.role()).isEqualTo(Role.MASTER);
        assertThat(a.deadline()).isEqualTo(TIMERS.masterDownMs(150) + 100);
    }

    @Test
    void backupHearingAdvertsStaysBackup() {
        VrrpStateMachine b = node("b", 100, true, 0);
        b.start(0);
        for (long t = 100; t <= 5_000; t += 100) {
            b.onAdvert(t, new Advert(51, "a", 150, 100));
            b.onTimer(t);
        }
        assertThat(b.role()).isEqualTo(Role.BACKUP);
    }

    @Test
    void backupTakesOverWhenAdvertsStop() {
        VrrpStateMachine b = node("b", 100, true, 0);
        b.start(0);
        b.onAdvert(1_000, new Advert(51, "a", 150, 100));

        b.onTimer(1_000 + TIMERS.masterDownMs(100));

        assertThat(b.role()).isEqualTo(Role.MASTER);
    }

    @Test
    void priorityZeroAdvertMakesBackupTakeOverAfterSkewOnly() {
        VrrpStateMachine b = node("b", 100, true, 0);
        b.start(0);
        b.onAdvert(1_000, new Advert(51, "a", 0, 100));

        assertThat(b.deadline()).isEqualTo(1_000 + TIMERS.skewMs(100));
        b.onTimer(b.deadline());
        assertThat(b.role()).isEqualTo(Role.MASTER);
    }

    @Test
    void masterYieldsToHigherPriorityAdvert() {
        VrrpStateMachine b = node("b", 100, true, 0);
        b.start(0);
        b.onTimer(TIMERS.masterDownMs(100));
        assertThat(b.role()).isEqualTo(Role.MASTER);

        b.onAdvert(2_000, new Advert(51, "a", 150, 100));

        assertThat(b.role()).isEqualTo(Role.BACKUP);
    }

    @Test
    void restoredHigherPriorityNodeTakesBackOnlyAfterPreemptDelay() {
        VrrpStateMachine a = node("a", 150, true, 2_000);
        a.start(0);
        // The lower-priority peer is master now and keeps advertising.
        long t = 0;
        while (t < 1_900) {
            t += 100;
            a.onAdvert(t, new Advert(51, "b", 100, 100));
            a.onTimer(t);
        }
        assertThat(a.role()).isEqualTo(Role.BACKUP);
        while (t < 3_000) {
            t += 100;
            a.onAdvert(t, new Advert(51, "b", 100, 100));
            a.onTimer(t);
        }
        assertThat(a.role()).isEqualTo(Role.MASTER);
    }

    @Test
    void nopreemptNodeNeverTakesBackFromALowerMaster() {
        VrrpStateMachine a = node("a", 150, false, 0);
        a.start(0);
        for (long t = 100; t <= 10_000; t += 100) {
            a.onAdvert(t, new Advert(51, "b", 100, 100));
            a.onTimer(t);
        }
        assertThat(a.role()).isEqualTo(Role.BACKUP);
    }

    @Test
    void nodeThatIsNotReadyAdvertisesLessAndDoesNotPreempt() {
        VrrpStateMachine a = node("a", 150, true, 0);
        a.setReady(false);
        a.start(0);
        for (long t = 100; t <= 3_000; t += 100) {
            a.onAdvert(t, new Advert(51, "b", 100, 100));
            a.onTimer(t);
        }
        assertThat(a.priority()).isEqualTo(50);
        assertThat(a.role()).isEqualTo(Role.BACKUP);

        a.setReady(true);
        long t = 3_000;
        while (t < 4_000) {
            t += 100;
            a.onAdvert(t, new Advert(51, "b", 100, 100));
            a.onTimer(t);
        }
        assertThat(a.role()).isEqualTo(Role.MASTER);
    }

    @Test
    void steppingDownSendsPriorityZeroAndHoldsOffPreemption() {
        VrrpStateMachine a = node("a", 150, true, 0);
        a.start(0);
        a.onTimer(TIMERS.masterDownMs(150));
        assertThat(a.role()).isEqualTo(Role.MASTER);

        assertThat(a.stepDown(1_000, 5_000)).isEqualTo(Action.SEND_ADVERT);
        assertThat(a.advert(51, true).priority()).isZero();
        assertThat(a.role()).isEqualTo(Role.BACKUP);
        for (long t = 1_100; t < 6_000; t += 100) {
            a.onAdvert(t, new Advert(51, "b", 100, 100));
            a.onTimer(t);
            assertThat(a.role()).as("at %d ms", t).isEqualTo(Role.BACKUP);
        }
    }

    @Test
    void advertRoundTripsThroughItsDatagramForm() {
        Advert advert = new Advert(51, "lb-a", 150, 100);
        byte[] bytes = advert.encode();

        assertThat(Advert.decode(bytes, bytes.length)).isEqualTo(advert);
        assertThat(Advert.decode("hello".getBytes(), 5)).isNull();
    }
}
