package io.ballast.agent.dataplane.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.Scheduler;
import io.ballast.model.SchedulerFlag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HashingSchedulersTest {

    private static List<TestDestination> servers(int... weights) {
        List<TestDestination> list = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            list.add(TestDestination.named(String.valueOf((char) ('A' + i)), i, weights[i]));
        }
        return list;
    }

    private static ConnectionScheduler create(Scheduler kind, List<TestDestination> dests, SchedulerFlag... flags) {
        return Schedulers.create(kind, Set.of(flags), dests, Schedulers.Settings.defaults());
    }

    @Test
    void shKeepsEachClientOnOneServer() {
        List<TestDestination> dests = servers(1, 1, 1);
        ConnectionScheduler sh = create(Scheduler.SH, dests);
        for (int i = 0; i < 500; i++) {
            Destination first = sh.select(dests, Flows.client(i));
            assertThat(sh.select(dests, Flows.client(i))).isSameAs(first);
        }
    }

    @Test
    void shGivesEachServerBucketsInProportionToItsWeight() {
        List<TestDestination> dests = servers(3, 1);
        ConnectionScheduler sh = create(Scheduler.SH, dests);
        Map<Destination, Integer> counts = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            counts.merge(sh.select(dests, Flows.client(i)), 1, Integer::sum);
        }
        assertThat(counts.get(dests.get(0)) / 20_000.0).isBetween(0.70, 0.80);
    }

    @Test
    void shWithoutFallbackRefusesTheClientsOfADrainedServerAndWithFallbackMovesOnlyThem() {
        List<TestDestination> dests = servers(1, 1, 1);
        ConnectionScheduler plain = create(Scheduler.SH, dests);
        ConnectionScheduler fallback = create(Scheduler.SH, dests, SchedulerFlag.SH_FALLBACK);
        Map<Integer, Destination> before = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            before.put(i, plain.select(dests, Flows.client(i)));
        }
        TestDestination drained = dests.get(1);
        drained.weight = 0;

        for (int i = 0; i < 1000; i++) {
            Destination was = before.get(i);
            if (was == drained) {
                assertThat(plain.select(dests, Flows.client(i))).isNull();
                assertThat(fallback.select(dests, Flows.client(i))).isNotNull().isNotSameAs(drained);
            } else {
                assertThat(fallback.select(dests, Flows.client(i))).isSameAs(was);
            }
        }
    }

    @Test
    void shPortSpreadsOneClientAddressOverServersBySourcePort() {
        List<TestDestination> dests = servers(1, 1, 1);
        ConnectionScheduler byAddress = create(Scheduler.SH, dests);
        ConnectionScheduler byPort = create(Scheduler.SH, dests, SchedulerFlag.SH_PORT);
        Set<Destination> addressOnly = new HashSet<>();
        Set<Destination> withPort = new HashSet<>();
        for (int port = 40000; port < 40100; port++) {
            addressOnly.add(byAddress.select(dests, Flows.from("192.0.2.7", port)));
            withPort.add(byPort.select(dests, Flows.from("192.0.2.7", port)));
        }
        assertThat(addressOnly).hasSize(1);
        assertThat(withPort).hasSize(3);
    }

    @Test
    void dhSendsEveryClientOfOneVirtualAddressToOneServer() {
        List<TestDestination> dests = servers(1, 1, 1, 1);
        ConnectionScheduler dh = create(Scheduler.DH, dests);
        Set<Destination> forOneVip = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            forOneVip.add(dh.select(dests, Flows.client(i)));
        }
        Set<Destination> acrossVips = new HashSet<>();
        for (int v = 1; v < 50; v++) {
            acrossVips.add(dh.select(dests, Flows.to("192.0.2.1", 1, "203.0.113." + v)));
        }
        assertThat(forOneVip).hasSize(1);
        assertThat(acrossVips).hasSize(4);
    }

    @Test
    void mhFillsEverySlotOfTheTableInProportionToWeight() {
        List<TestDestination> dests = servers(2, 1, 1);
        MaglevHashing mh = (MaglevHashing) create(Scheduler.MH, dests);
        Destination[] table = mh.lookupTable();
        Map<Destination, Integer> slots = new HashMap<>();
        for (Destination d : table) {
            slots.merge(d, 1, Integer::sum);
        }
        assertThat(table).hasSize(65_537).doesNotContainNull();
        assertThat(slots.get(dests.get(0)) / 65_537.0).isBetween(0.48, 0.52);
        assertThat(slots.get(dests.get(1)) / 65_537.0).isBetween(0.23, 0.27);
    }

    @Test
    void mhMovesAboutOneNthOfClientsWhenOneOfNServersLeaves() {
        List<TestDestination> dests = servers(1, 1, 1, 1, 1);
        ConnectionScheduler mh = create(Scheduler.MH, dests);
        int clients = 20_000;
        Destination[] before = new Destination[clients];
        for (int i = 0; i < clients; i++) {
            before[i] = mh.select(dests, Flows.client(i));
        }
        List<TestDestination> remaining = new ArrayList<>(dests);
        TestDestination gone = remaining.remove(2);
        gone.available = false;
        mh.destinationsChanged(remaining);

        int moved = 0;
        for (int i = 0; i < clients; i++) {
            Destination now = mh.select(remaining, Flows.client(i));
            assertThat(now).isNotNull();
            if (now != before[i]) {
                moved++;
            }
        }
        // the leaving server's fifth must move; Maglev disturbs a few per cent of the rest
        assertThat(moved / (double) clients).isBetween(0.18, 0.25);
    }

    @Test
    void mhKeepsADrainedServersSlotsAndFallsBackOnlyWithTheFlag() {
        List<TestDestination> dests = servers(1, 1, 1);
        ConnectionScheduler plain = create(Scheduler.MH, dests);
        ConnectionScheduler fallback = create(Scheduler.MH, dests, SchedulerFlag.MH_FALLBACK);
        Destination[] before = new Destination[1000];
        for (int i = 0; i < before.length; i++) {
            before[i] = plain.select(dests, Flows.client(i));
        }
        TestDestination drained = dests.get(0).weight(0);
        plain.destinationsChanged(dests);
        fallback.destinationsChanged(dests);

        for (int i = 0; i < before.length; i++) {
            if (before[i] == drained) {
                assertThat(plain.select(dests, Flows.client(i))).isNull();
                assertThat(fallback.select(dests, Flows.client(i))).isNotNull().isNotSameAs(drained);
            } else {
                assertThat(plain.select(dests, Flows.client(i))).isSameAs(before[i]);
            }
        }
    }

    @Test
    void mhWithTheKernelsDefaultTableSizeBalancesToo() {
        List<TestDestination> dests = servers(1, 1);
        MaglevHashing mh = (MaglevHashing) Schedulers.create(Scheduler.MH, Set.of(), dests,
                Schedulers.Settings.defaults().withMhTableSize(4093));
        long toA = java.util.Arrays.stream(mh.lookupTable()).filter(d -> d == dests.get(0)).count();
        assertThat(mh.tableSize()).isEqualTo(4093);
        assertThat(toA / 4093.0).isBetween(0.48, 0.52);
    }

    @Test
    void mhPortSpreadsOneClientAddressBySourcePort() {
        List<TestDestination> dests = servers(1, 1, 1);
        ConnectionScheduler byPort = create(Scheduler.MH, dests, SchedulerFlag.MH_PORT);
        Set<Destination> withPort = new HashSet<>();
        for (int port = 40000; port < 40100; port++) {
            withPort.add(byPort.select(dests, Flows.from("192.0.2.7", port)));
        }
        assertThat(withPort).hasSize(3);
    }
}
