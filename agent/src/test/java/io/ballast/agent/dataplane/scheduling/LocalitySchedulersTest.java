package io.ballast.agent.dataplane.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.Scheduler;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalitySchedulersTest {

    private final AtomicLong clock = new AtomicLong(1_000_000);

    private ConnectionScheduler create(Scheduler kind, List<TestDestination> dests) {
        return Schedulers.create(kind, Set.of(), dests,
                Schedulers.Settings.defaults().withClock(clock::get, 60_000));
    }

    @Test
    void lblcKeepsADestinationAddressOnItsServerEvenWhenOthersAreLessLoaded() {
        TestDestination a = TestDestination.named("A", 0, 10);
        TestDestination b = TestDestination.named("B", 1, 10);
        List<TestDestination> dests = List.of(a, b);
        ConnectionScheduler lblc = create(Scheduler.LBLC, dests);

        assertThat(lblc.select(dests, Flows.any())).isSameAs(a);
        a.connections(5, 0);
        assertThat(lblc.select(dests, Flows.any())).isSameAs(a);
        // another virtual address is a new locality: wlc picks the idle b
        assertThat(lblc.select(dests, Flows.to("192.0.2.1", 1, "203.0.113.99"))).isSameAs(b);
    }

    @Test
    void lblcMovesWhenItsServerExceedsItsWeightWhileAnotherIsUnderHalf() {
        TestDestination a = TestDestination.named("A", 0, 4);
        TestDestination b = TestDestination.named("B", 1, 4);
        List<TestDestination> dests = List.of(a, b);
        ConnectionScheduler lblc = create(Scheduler.LBLC, dests);
        assertThat(lblc.select(dests, Flows.any())).isSameAs(a);

        a.connections(5, 0);
        b.connections(1, 0);

        assertThat(lblc.select(dests, Flows.any())).isSameAs(b);
        assertThat(lblc.select(dests, Flows.any())).isSameAs(b);
    }

    @Test
    void lblcForgetsAnEntryUnusedForTheExpiration() {
        TestDestination a = TestDestination.named("A", 0, 1);
        TestDestination b = TestDestination.named("B", 1, 1);
        List<TestDestination> dests = List.of(a, b);
        LocalityBasedLeastConnection lblc = (LocalityBasedLeastConnection) create(Scheduler.LBLC, dests);
        lblc.select(dests, Flows.any());
        assertThat(lblc.entries()).isEqualTo(1);

        clock.addAndGet(60_001);
        lblc.select(dests, Flows.to("192.0.2.1", 1, "203.0.113.99"));

        assertThat(lblc.entries()).isEqualTo(1);
    }

    @Test
    void lblcrAddsAServerToTheSetWhenItsLeastLoadedMemberIsOverloadedAndShrinksAfterExpiration() throws Exception {
        TestDestination a = TestDestination.named("A", 0, 4);
        TestDestination b = TestDestination.named("B", 1, 4);
        List<TestDestination> dests = List.of(a, b);
        LocalityBasedLeastConnectionReplication lblcr =
                (LocalityBasedLeastConnectionReplication) create(Scheduler.LBLCR, dests);
        java.net.InetAddress vip = Flows.any().serviceAddress();
        assertThat(lblcr.select(dests, Flows.any())).isSameAs(a);

        a.connections(5, 0);
        assertThat(lblcr.select(dests, Flows.any())).isSameAs(b);
        assertThat(lblcr.members(vip)).containsExactly(a, b);

        // the set is untouched for longer than the expiration: its most loaded member leaves
        a.connections(0, 0);
        b.connections(3, 0);
        clock.addAndGet(59_000);
        lblcr.select(dests, Flows.any());
        clock.addAndGet(2_000);
        assertThat(lblcr.select(dests, Flows.any())).isSameAs(a);
        assertThat(lblcr.members(vip)).containsExactly(a);
    }
}
