package io.ballast.agent.dataplane.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.Scheduler;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeastConnectionSchedulersTest {

    private static Destination pick(Scheduler kind, TestDestination... dests) {
        List<TestDestination> list = List.of(dests);
        return Schedulers.create(kind, Set.of(), list, Schedulers.Settings.defaults()).select(list, Flows.any());
    }

    @Test
    void lcPicksTheFewestConnectionsWhateverTheWeight() {
        TestDestination a = TestDestination.named("A", 0, 100).connections(3, 0);
        TestDestination b = TestDestination.named("B", 1, 1).connections(2, 0);

        assertThat(pick(Scheduler.LC, a, b)).isSameAs(b);
    }

    @Test
    void lcCountsAnActiveConnectionAs256InactiveOnes() {
        TestDestination a = TestDestination.named("A", 0, 1).connections(1, 0);
        TestDestination b = TestDestination.named("B", 1, 1).connections(0, 255);
        TestDestination c = TestDestination.named("C", 2, 1).connections(0, 257);

        assertThat(pick(Scheduler.LC, a, b)).isSameAs(b);
        assertThat(pick(Scheduler.LC, a, c)).isSameAs(a);
    }

    @Test
    void lcSkipsDrainedAndOverloadedServers() {
        TestDestination a = TestDestination.named("A", 0, 0);
        TestDestination b = TestDestination.named("B", 1, 1).connections(5, 0);
        TestDestination c = TestDestination.named("C", 2, 1).connections(9, 0);
        b.overloaded = true;

        assertThat(pick(Scheduler.LC, a, b, c)).isSameAs(c);
        c.overloaded = true;
        assertThat(pick(Scheduler.LC, a, b, c)).isNull();
    }

    @Test
    void wlcDividesTheOverheadByTheWeight() {
        TestDestination a = TestDestination.named("A", 0, 3).connections(2, 0);
        TestDestination b = TestDestination.named("B", 1, 1).connections(1, 0);

        assertThat(pick(Scheduler.WLC, a, b)).isSameAs(a);
        a.connections(4, 0);
        assertThat(pick(Scheduler.WLC, a, b)).isSameAs(b);
    }

    @Test
    void wlcKeepsTheFirstOnATie() {
        TestDestination a = TestDestination.named("A", 0, 2).connections(2, 0);
        TestDestination b = TestDestination.named("B", 1, 1).connections(1, 0);

        assertThat(pick(Scheduler.WLC, a, b)).isSameAs(a);
        assertThat(pick(Scheduler.WLC, b, a)).isSameAs(b);
    }

    @Test
    void sedCountsTheConnectionAboutToArrive() {
        // wlc: 0/1 beats 1/10; sed: (0+1)/1 = 1 loses to (1+1)/10 = 0.2
        TestDestination a = TestDestination.named("A", 0, 1).connections(0, 0);
        TestDestination b = TestDestination.named("B", 1, 10).connections(1, 0);

        assertThat(pick(Scheduler.WLC, a, b)).isSameAs(a);
        assertThat(pick(Scheduler.SED, a, b)).isSameAs(b);
    }

    @Test
    void nqSendsToAnIdleServerBeforeAnyBusyOne() {
        TestDestination a = TestDestination.named("A", 0, 10).connections(1, 0);
        TestDestination b = TestDestination.named("B", 1, 1).connections(0, 0);

        assertThat(pick(Scheduler.SED, a, b)).isSameAs(a);
        assertThat(pick(Scheduler.NQ, a, b)).isSameAs(b);
    }

    @Test
    void foPicksTheHighestWeightAvailable() {
        TestDestination a = TestDestination.named("A", 0, 5).connections(50, 0);
        TestDestination b = TestDestination.named("B", 1, 10).connections(99, 0);
        TestDestination c = TestDestination.named("C", 2, 10);

        assertThat(pick(Scheduler.FO, a, b, c)).isSameAs(b);
        b.overloaded = true;
        assertThat(pick(Scheduler.FO, a, b, c)).isSameAs(c);
        c.weight(0);
        assertThat(pick(Scheduler.FO, a, b, c)).isSameAs(a);
    }

    @Test
    void ovfOverflowsToTheNextWeightOnceActiveConnectionsExceedTheWeight() {
        TestDestination a = TestDestination.named("A", 0, 3).connections(3, 0);
        TestDestination b = TestDestination.named("B", 1, 2).connections(0, 0);

        assertThat(pick(Scheduler.OVF, a, b)).isSameAs(a);
        a.connections(4, 0);
        assertThat(pick(Scheduler.OVF, a, b)).isSameAs(b);
        b.connections(3, 0);
        assertThat(pick(Scheduler.OVF, a, b)).isNull();
    }

    @Test
    void twosDrawsInProportionToWeightWhenLoadsAreEqual() {
        TestDestination a = TestDestination.named("A", 0, 3);
        TestDestination b = TestDestination.named("B", 1, 1);
        List<TestDestination> list = List.of(a, b);
        ConnectionScheduler twos = Schedulers.create(Scheduler.TWOS, Set.of(), list,
                Schedulers.Settings.defaults().withRandom(new java.util.SplittableRandom(7)));
        int toA = 0;
        for (int i = 0; i < 10_000; i++) {
            if (twos.select(list, Flows.any()) == a) {
                toA++;
            }
        }
        // equal overheads keep the first draw; the kernel draws from 0..total inclusive, so weight 3 of 3+1
        // wins draws 0..3 of 0..4: 4/5, not 3/4
        assertThat(toA / 10_000.0).isBetween(0.78, 0.82);
    }

    @Test
    void twosPrefersTheLessLoadedOfItsTwoDraws() {
        TestDestination a = TestDestination.named("A", 0, 1).connections(10, 0);
        TestDestination b = TestDestination.named("B", 1, 1).connections(0, 0);
        List<TestDestination> list = List.of(a, b);
        ConnectionScheduler twos = Schedulers.create(Scheduler.TWOS, Set.of(), list,
                Schedulers.Settings.defaults().withRandom(new java.util.SplittableRandom(3)));
        int toB = 0;
        for (int i = 0; i < 1_000; i++) {
            if (twos.select(list, Flows.any()) == b) {
                toB++;
            }
        }
        // each draw is a with 2/3 (draws 0..2 of total 2+1); b wins unless both draws are a: 1 - 4/9
        assertThat(toB).isBetween(500, 610);
    }

    @Test
    void overloadFlagFollowsTheKernelThresholdRules() {
        assertThat(OverloadRule.afterBind(false, 9, 10)).isFalse();
        assertThat(OverloadRule.afterBind(false, 10, 10)).isTrue();
        assertThat(OverloadRule.afterBind(false, 1000, 0)).isFalse();
        // with a lower threshold: cleared below it
        assertThat(OverloadRule.afterUnbind(true, 5, 10, 5)).isTrue();
        assertThat(OverloadRule.afterUnbind(true, 4, 10, 5)).isFalse();
        // without one: cleared below three quarters of the upper
        assertThat(OverloadRule.afterUnbind(true, 8, 10, 0)).isTrue();
        assertThat(OverloadRule.afterUnbind(true, 7, 10, 0)).isFalse();
        // raising the upper threshold clears it; lowering keeps it
        assertThat(OverloadRule.afterEdit(true, 10, 20)).isFalse();
        assertThat(OverloadRule.afterEdit(true, 10, 5)).isTrue();
    }
}
