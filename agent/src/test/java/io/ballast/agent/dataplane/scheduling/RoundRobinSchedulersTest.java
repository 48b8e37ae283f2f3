package io.ballast.agent.dataplane.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.Scheduler;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RoundRobinSchedulersTest {

    private static String sequence(ConnectionScheduler s, List<TestDestination> dests, int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> {
                    Destination d = s.select(dests, Flows.any());
                    return d == null ? "-" : d.toString();
                })
                .collect(Collectors.joining());
    }

    private static ConnectionScheduler create(Scheduler kind, List<TestDestination> dests) {
        return Schedulers.create(kind, Set.of(), dests, Schedulers.Settings.defaults());
    }

    /**
     * A service built as ipvsadm builds it (empty, then one destination at a time) starts with one
     * round over every server before the weighted cycle, as the differential test in the VM shows.
     */
    @Test
    void wrrWeights432GiveTheKernelSequence() {
        List<TestDestination> dests = List.of(TestDestination.named("A", 0, 4), TestDestination.named("B", 1, 3),
                TestDestination.named("C", 2, 2));
        ConnectionScheduler wrr = create(Scheduler.WRR, dests);

        assertThat(sequence(wrr, dests, 18)).isEqualTo("ABC" + "AABABCABC" + "AABABC");
    }

    @Test
    void wrrStepsByTheGcdOfTheWeights() {
        List<TestDestination> dests = List.of(TestDestination.named("A", 0, 4), TestDestination.named("B", 1, 2));
        ConnectionScheduler wrr = create(Scheduler.WRR, dests);

        assertThat(sequence(wrr, dests, 6)).isEqualTo("AB" + "AAB" + "A");
    }

    @Test
    void wrrGivesExactlyThreeQuartersToWeightThreeOfFourThousand() {
        List<TestDestination> dests = List.of(TestDestination.named("A", 0, 3), TestDestination.named("B", 1, 1));
        ConnectionScheduler wrr = create(Scheduler.WRR, dests);

        String seq = sequence(wrr, dests, 4000);

        assertThat(seq.chars().filter(c -> c == 'A').count()).isEqualTo(3000);
    }

    @Test
    void wrrSkipsADrainedServerAndRestartsAfterAWeightChange() {
        TestDestination a = TestDestination.named("A", 0, 2);
        TestDestination b = TestDestination.named("B", 1, 1);
        List<TestDestination> dests = List.of(a, b);
        ConnectionScheduler wrr = create(Scheduler.WRR, dests);
        assertThat(sequence(wrr, dests, 3)).isEqualTo("ABA");

        a.weight(0);
        wrr.destinationsChanged(dests);

        assertThat(sequence(wrr, dests, 4)).isEqualTo("BBBB");
    }

    @Test
    void wrrFindsNoServerWhenAllAreOverloadedOrDrained() {
        TestDestination a = TestDestination.named("A", 0, 2);
        TestDestination b = TestDestination.named("B", 1, 1).weight(0);
        List<TestDestination> dests = List.of(a, b);
        ConnectionScheduler wrr = create(Scheduler.WRR, dests);
        a.overloaded = true;

        assertThat(sequence(wrr, dests, 3)).isEqualTo("---");

        a.overloaded = false;
        assertThat(sequence(wrr, dests, 2)).isEqualTo("AA");
    }

    @Test
    void rrGoesOnAfterTheServerThatLeftWhenItWasTheLastChosen() {
        TestDestination a = TestDestination.named("A", 0, 1);
        TestDestination b = TestDestination.named("B", 1, 1);
        TestDestination c = TestDestination.named("C", 2, 1);
        List<TestDestination> dests = List.of(a, b, c);
        ConnectionScheduler rr = create(Scheduler.RR, dests);
        assertThat(sequence(rr, dests, 2)).isEqualTo("AB");

        List<TestDestination> withoutB = List.of(a, c);
        rr.destinationsChanged(withoutB);

        assertThat(sequence(rr, withoutB, 3)).isEqualTo("CAC");
    }

    @Test
    void rrCyclesAndSkipsDrainedAndOverloadedServers() {
        TestDestination a = TestDestination.named("A", 0, 1);
        TestDestination b = TestDestination.named("B", 1, 5);
        TestDestination c = TestDestination.named("C", 2, 1);
        List<TestDestination> dests = List.of(a, b, c);
        ConnectionScheduler rr = create(Scheduler.RR, dests);

        assertThat(sequence(rr, dests, 6)).isEqualTo("ABCABC");

        b.weight(0);
        assertThat(sequence(rr, dests, 4)).isEqualTo("ACAC");
        b.weight(1);
        c.overloaded = true;
        assertThat(sequence(rr, dests, 4)).isEqualTo("ABAB");
    }
}
