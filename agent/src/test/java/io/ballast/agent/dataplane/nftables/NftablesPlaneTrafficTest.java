package io.ballast.agent.dataplane.nftables;

import static io.ballast.agent.testsupport.netns.LoadBalancerTopology.VIP6;
import static io.ballast.agent.testsupport.netns.LoadBalancerTopology.VIP;
import static io.ballast.agent.testsupport.netns.LoadBalancerTopology.realServer6;
import static io.ballast.agent.testsupport.netns.LoadBalancerTopology.realServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.agent.dataplane.DataPlane;
import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.dataplane.PlaneOptions;
import io.ballast.agent.testsupport.RealEngines;
import io.ballast.agent.testsupport.netns.LoadBalancerTopology;
import io.ballast.model.AdminState;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.Persistence;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.VirtualService;
import io.ballast.model.api.CounterSample;
import io.ballast.model.api.CounterSnapshot;
import io.ballast.model.api.Counters;
import io.ballast.model.plan.Planner;
import io.ballast.netns.Netns;
import io.ballast.netns.NetnsLab;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real traffic through the nftables plane: client → VIP on the director namespace → three real
 * servers that answer with their names. One topology for the class; each test gets a fresh table.
 */
class NftablesPlaneTrafficTest {

    private static NetnsLab lab;
    private static LoadBalancerTopology net;

    @TempDir
    Path state;
    private DataPlane plane;

    @BeforeAll
    static void buildNetwork() {
        RealEngines.require("nftables plane", true, "nft", "ip", "python3", "ss");
        lab = NetnsLab.create();
        net = LoadBalancerTopology.create(lab, 3);
        net.startIdentityServers("tcp", 80);
        net.startIdentityServers("udp", 53);
    }

    @AfterAll
    static void removeNetwork() {
        if (lab != null) {
            lab.close();
        }
    }

    @BeforeEach
    void openPlane() throws DataPlaneException {
        plane = open();
    }

    @AfterEach
    void dropTable() {
        plane.close();
        net.director().exec("nft", "delete", "table", "inet", "ballast");
    }

    private DataPlane open() throws DataPlaneException {
        return open(Map.of());
    }

    private DataPlane open(Map<String, String> settings) throws DataPlaneException {
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.put("netns", net.director().name());
        return new NftablesProvider().open(new PlaneOptions("d1", state, all));
    }

    private void converge(List<VirtualService> target) throws DataPlaneException {
        plane.apply(Planner.between(plane.readTable(), target));
    }

    static VirtualService service(Scheduler scheduler, int... weights) {
        List<RealServer> servers = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            servers.add(RealServer.of("rs" + (i + 1), realServer(i + 1), 80, weights[i]));
        }
        return new VirtualService("web", Protocol.TCP, VIP, 80, null, null, scheduler, Set.of(), null,
                ForwardingMethod.NAT, null, null, servers);
    }

    private Map<String, Integer> connections(int n) {
        return net.client().countReplies("tcp", VIP, 80, n);
    }

    @Test
    void roundRobinSpreadsNewConnectionsEvenly() throws Exception {
        converge(List.of(service(Scheduler.RR, 1, 1, 1)));

        Map<String, Integer> replies = connections(150);

        assertThat(replies).containsOnlyKeys("rs1", "rs2", "rs3");
        assertThat(replies.values()).allSatisfy(n -> assertThat(n).isBetween(45, 55));
    }

    @Test
    void weightedRoundRobinFollowsTheWeights() throws Exception {
        converge(List.of(service(Scheduler.WRR, 3, 1)));

        Map<String, Integer> replies = connections(200);

        assertThat(replies).containsOnlyKeys("rs1", "rs2");
        assertThat(replies.get("rs1")).isBetween(140, 160);
    }

    @ParameterizedTest
    @EnumSource(value = Scheduler.class, names = {"SH", "DH", "MH"})
    void hashingSchedulersKeepOneClientOnOneServer(Scheduler scheduler) throws Exception {
        converge(List.of(service(scheduler, 1, 1, 1)));

        Map<String, Integer> replies = connections(40);

        assertThat(replies).hasSize(1);
        assertThat(replies.values()).containsExactly(40);
    }

    @ParameterizedTest
    @EnumSource(value = SchedulerFlag.class, names = {"SH_PORT", "MH_PORT"})
    void hashingWithThePortSpreadsOneClientsConnections(SchedulerFlag flag) throws Exception {
        VirtualService hashed = service(flag.scheduler(), 1, 1, 1);
        converge(List.of(new VirtualService("web", Protocol.TCP, VIP, 80, null, null, flag.scheduler(),
                Set.of(flag), null, ForwardingMethod.NAT, null, null, hashed.realServers())));

        Map<String, Integer> replies = connections(150);

        assertThat(replies).containsOnlyKeys("rs1", "rs2", "rs3");
        assertThat(replies.values()).allSatisfy(n -> assertThat(n).isGreaterThan(20));
    }

    @Test
    void persistenceSendsAClientBackToItsServer() throws Exception {
        VirtualService rr = service(Scheduler.RR, 1, 1, 1);
        converge(List.of(new VirtualService("web", Protocol.TCP, VIP, 80, null, null, Scheduler.RR, Set.of(),
                new Persistence(300, "255.255.255.0"), ForwardingMethod.NAT, null, null, rr.realServers())));

        Map<String, Integer> replies = connections(30);

        assertThat(replies).hasSize(1);
    }

    @Test
    void persistentClientStaysWithItsServerAcrossAWeightChange() throws Exception {
        Persistence sticky = new Persistence(300, null);
        List<RealServer> servers = service(Scheduler.WRR, 1, 1, 1).realServers();
        VirtualService before = new VirtualService("web", Protocol.TCP, VIP, 80, null, null, Scheduler.WRR, Set.of(),
                sticky, ForwardingMethod.NAT, null, null, servers);
        converge(List.of(before));
        String chosen = connections(5).keySet().iterator().next();
        List<RealServer> reweighted = new ArrayList<>();
        for (RealServer server : servers) {
            reweighted.add(server.name().equals(chosen) ? server : server.withWeight(9));
        }
        converge(List.of(before.withRealServers(reweighted)));

        assertThat(connections(20)).containsOnlyKeys(chosen);
    }

    @Test
    void drainedServerGetsNoNewConnectionsButKeepsItsOpenOnes() throws Exception {
        VirtualService web = service(Scheduler.RR, 1, 1, 1);
        converge(List.of(web));
        try (Netns.HeldConnection held = net.client().hold(VIP, 80)) {
            String drained = held.server();
            List<RealServer> servers = new ArrayList<>();
            for (RealServer server : web.realServers()) {
                servers.add(server.name().equals(drained) ? server.withState(AdminState.DRAIN) : server);
            }
            converge(List.of(web.withRealServers(servers)));

            Map<String, Integer> replies = connections(60);

            assertThat(replies).doesNotContainKey(drained).hasSize(2);
            assertThat(held.ask()).isEqualTo(drained);
        }
    }

    @Test
    void weightZeroTakesNoNewConnections() throws Exception {
        converge(List.of(service(Scheduler.WRR, 1, 0, 1)));

        assertThat(connections(40)).containsOnlyKeys("rs1", "rs3");
    }

    @Test
    void weightChangeLeavesEstablishedConnectionsWhereTheyAre() throws Exception {
        converge(List.of(service(Scheduler.RR, 1, 1, 1)));
        List<Netns.HeldConnection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                held.add(net.client().hold(VIP, 80));
            }
            converge(List.of(service(Scheduler.WRR, 5, 1, 2)));

            for (Netns.HeldConnection connection : held) {
                assertThat(connection.ask()).isEqualTo(connection.server());
            }
            assertThat(held.stream().map(Netns.HeldConnection::server).distinct()).hasSize(3);
        } finally {
            held.forEach(Netns.HeldConnection::close);
        }
    }

    @Test
    void clientHammeringTheVipSeesNoRefusalDuringManyApplies() throws Exception {
        List<VirtualService> table = List.of(service(Scheduler.WRR, 1, 1, 1));
        converge(table);
        Process hammer = net.client().hammerInBackground(VIP, 80, 150, 1_000_000);
        int applies = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (applies < 1000 && System.nanoTime() < deadline) {
            // As the reconciler does: plan from the table it last applied, not a fresh read each time.
            List<VirtualService> next = List.of(service(Scheduler.WRR, 1 + applies % 7, 1, 2));
            plane.apply(Planner.between(table, next));
            table = next;
            applies++;
        }
        hammer.toHandle().destroy(); // SIGTERM without closing our pipe: the client prints its tally and ends
        Map<String, Integer> outcomes = Netns.tallyOf(hammer, Duration.ofSeconds(10));

        int attempts = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(applies).isGreaterThanOrEqualTo(200);
        assertThat(outcomes).doesNotContainKey("refused");
        assertThat(outcomes.get("ok")).isGreaterThan(100);
        // A 3 s client timeout on a machine this loaded is not the table's doing; a refusal would be.
        assertThat(attempts - outcomes.get("ok")).as("non-refused failures of %s: %s", attempts, outcomes)
                .isLessThanOrEqualTo(attempts / 1000);
    }

    @Test
    void flushedRulesetShowsAsAnEmptyTableAndReapplyRestoresService() throws Exception {
        List<VirtualService> target = List.of(service(Scheduler.RR, 1, 1, 1));
        converge(target);
        net.director().execOk("nft", "flush", "ruleset");

        assertThat(plane.readTable()).isEmpty();
        converge(target);

        assertThat(plane.readTable()).isEqualTo(entries(target));
        assertThat(connections(30)).containsOnlyKeys("rs1", "rs2", "rs3");
    }

    @Test
    void readTableRecoversEverythingAFreshPlaneNeedsToPlan() throws Exception {
        List<RealServer> v6 = List.of(new RealServer("six one", realServer6(1), 8080, 3, null, 0, 0, null, null),
                new RealServer(null, realServer6(2), 8080, 0, null, 0, 0, null, AdminState.DRAIN));
        List<VirtualService> target = List.of(
                new VirtualService("web", Protocol.TCP, VIP, 80, null, null, Scheduler.MH,
                        Set.of(SchedulerFlag.MH_PORT, SchedulerFlag.MH_FALLBACK), new Persistence(600, "255.255.255.0"),
                        ForwardingMethod.NAT, new io.ballast.model.SorryServer("198.51.100.99", 80), null,
                        service(Scheduler.MH, 2, 1, 1).realServers()),
                new VirtualService("dns", Protocol.UDP, VIP6, 53, null, null, Scheduler.SH, Set.of(), null,
                        ForwardingMethod.NAT, null, null, v6),
                new VirtualService(null, null, null, 0, 7, "inet", Scheduler.WRR, Set.of(), null,
                        ForwardingMethod.NAT, null, null, List.of(RealServer.of("m", realServer(3), 0, 4))));
        converge(target);

        try (DataPlane fresh = open()) {
            assertThat(fresh.readTable()).isEqualTo(entries(target));
            assertThat(Planner.between(fresh.readTable(), entries(target)).isEmpty()).isTrue();
        }
    }

    @Test
    void ipv6ServiceBalancesAcrossRealServers() throws Exception {
        List<RealServer> servers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            servers.add(RealServer.of("rs" + i, realServer6(i), 80, 1));
        }
        converge(List.of(new VirtualService("web6", Protocol.TCP, VIP6, 80, null, null, Scheduler.RR, Set.of(),
                null, ForwardingMethod.NAT, null, null, servers)));

        Map<String, Integer> replies = net.client().countReplies("tcp", VIP6, 80, 60);

        assertThat(replies).containsOnlyKeys("rs1", "rs2", "rs3");
    }

    @Test
    void slotsCarryTheServersPortWhenItDiffersFromTheVirtualServicesPort() throws Exception {
        converge(List.of(new VirtualService("alt", Protocol.TCP, VIP, 8080, null, null, Scheduler.WRR, Set.of(), null,
                ForwardingMethod.NAT, null, null, service(Scheduler.WRR, 1, 1, 1).realServers())));

        assertThat(net.client().countReplies("tcp", VIP, 8080, 30)).containsOnlyKeys("rs1", "rs2", "rs3");
    }

    @Test
    void udpServiceBalancesDatagramsFromNewSockets() throws Exception {
        List<RealServer> servers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            servers.add(RealServer.of("rs" + i, realServer(i), 53, 1));
        }
        converge(List.of(new VirtualService("dns", Protocol.UDP, VIP, 53, null, null, Scheduler.RR, Set.of(),
                null, ForwardingMethod.NAT, null, null, servers)));

        Map<String, Integer> replies = net.client().countReplies("udp", VIP, 53, 60);

        assertThat(replies).containsOnlyKeys("rs1", "rs2", "rs3");
    }

    @Test
    void udpCountersCountEachDatagramFlowOnTheServerThatAnsweredIt() throws Exception {
        // nft lists the protocol of a counter's key as a number (17): it must still find the UDP service's servers.
        List<RealServer> servers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            servers.add(RealServer.of("rs" + i, realServer(i), 53, 1));
        }
        converge(List.of(new VirtualService("dns", Protocol.UDP, VIP, 53, null, null, Scheduler.RR, Set.of(),
                null, ForwardingMethod.NAT, null, null, servers)));

        Map<String, Integer> replies = net.client().countReplies("udp", VIP, 53, 27);
        CounterSnapshot snapshot = plane.sampleCounters();

        assertThat(serviceConnections(snapshot)).isEqualTo(27);
        for (int i = 1; i <= 3; i++) {
            String server = realServer(i) + ":53";
            assertThat(snapshot.samples()).filteredOn(s -> server.equals(s.realServer())).singleElement()
                    .satisfies(s -> assertThat(s.counters().connections()).isEqualTo(9));
        }
        assertThat(replies.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(27);
    }

    @Test
    void schedulerNeedingConnectionCountsIsRefusedWithTheReasonAndNothingChanges() throws Exception {
        List<VirtualService> before = List.of(service(Scheduler.RR, 1, 1, 1));
        converge(before);

        assertThatThrownBy(() -> converge(List.of(service(Scheduler.WLC, 1, 1, 1))))
                .isInstanceOf(DataPlaneException.class)
                .hasMessageContaining("wlc (weighted least connection)")
                .hasMessageContaining("live connection counts")
                .hasMessageContaining("IPVS plane");
        assertThat(plane.readTable()).isEqualTo(entries(before));
        assertThat(plane.capabilities().schedulers()).doesNotContain(Scheduler.WLC, Scheduler.LC, Scheduler.TWOS);
        assertThat(plane.capabilities().note()).contains("IPVS plane");
    }

    @Test
    void countersMoveWithTraffic() throws Exception {
        converge(List.of(service(Scheduler.RR, 1, 1, 1)));
        long before = serviceConnections(plane.sampleCounters());

        connections(30);
        CounterSnapshot after = plane.sampleCounters();

        assertThat(serviceConnections(after) - before).isEqualTo(30);
        long perServer = after.samples().stream().filter(s -> s.realServer() != null)
                .mapToLong(s -> s.counters().connections()).sum();
        assertThat(perServer).isEqualTo(serviceConnections(after));
        assertThat(after.samples()).filteredOn(s -> realServer(1).concat(":80").equals(s.realServer()))
                .singleElement().satisfies(s -> assertThat(s.counters().connections()).isEqualTo(10));
    }

    @Test
    void tableDamagedBySomeoneElseIsRewrittenWholeWithItsCountersCarriedOver() throws Exception {
        List<VirtualService> target = List.of(service(Scheduler.RR, 1, 1, 1));
        converge(target);
        connections(12);
        net.director().execOk("nft", "delete", "element", "inet", "ballast", "svc4",
                "{ " + VIP + " . tcp . 80 }");

        assertThat(plane.readTable()).isEmpty();
        converge(target);

        assertThat(plane.readTable()).isEqualTo(entries(target));
        assertThat(serviceConnections(plane.sampleCounters())).isEqualTo(12);
        assertThat(connections(3)).hasSize(3);
    }

    @Test
    void tableInTheEarlierLayoutIsReadAndMovedToTheCurrentOneByTheNextChange() throws Exception {
        VirtualService web = service(Scheduler.WRR, 1, 2, 3);
        converge(List.of(web));
        // The earlier layout kept each service's records in a chain of their own (vs1rec).
        InstalledService installed = new InstalledService(1, web.asTableEntry());
        StringBuilder old = new StringBuilder("flush chain inet ballast vs1\nadd chain inet ballast vs1rec\n");
        old.append("add rule inet ballast vs1 counter comment \"").append(TableEncoding.serviceComment(web)).append("\"\n");
        ServiceDispatch.Choice choice = new ServiceDispatch(1024).choice(installed);
        for (String rule : choice.rules()) {
            old.append("add rule inet ballast vs1 ").append(rule).append('\n');
        }
        for (RealServer server : web.realServers()) {
            old.append("add rule inet ballast vs1rec counter comment \"")
                    .append(TableEncoding.realServerComment(server)).append("\"\n");
            old.append("add rule inet ballast vs1rec counter comment \"")
                    .append(TableEncoding.labelComment(server.name())).append("\"\n");
        }
        assertThat(net.director().execWithInput(old.toString(), "nft", "-f", "-").exitCode()).isZero();
        assertThat(net.director().execOk("nft", "list", "chains").stdout()).contains("vs1rec");

        try (DataPlane fresh = open()) {
            assertThat(fresh.readTable()).isEqualTo(entries(List.of(web)));
            VirtualService reweighted = service(Scheduler.WRR, 1, 2, 4);
            fresh.apply(Planner.between(fresh.readTable(), List.of(reweighted)));

            assertThat(net.director().execOk("nft", "list", "chains").stdout()).doesNotContain("vs1rec");
            assertThat(fresh.readTable()).isEqualTo(entries(List.of(reweighted)));
        }
        assertThat(connections(7)).hasSize(3); // one round of the 7 slots (weights 1 + 2 + 4)
    }

    @Test
    void countersCountPacketsAndBytesBothWaysPerServerAndPerService() throws Exception {
        converge(List.of(service(Scheduler.RR, 1, 1, 1)));
        Counters before = serviceCounters(plane.sampleCounters());

        connections(30);
        CounterSnapshot snapshot = plane.sampleCounters();
        Counters after = serviceCounters(snapshot);

        // Each connection: at least SYN, ACK and the request one way; SYN-ACK and the reply the other.
        assertThat(after.packetsIn() - before.packetsIn()).isGreaterThanOrEqualTo(30 * 3);
        assertThat(after.packetsOut() - before.packetsOut()).isGreaterThanOrEqualTo(30 * 2);
        assertThat(after.bytesIn() - before.bytesIn()).isGreaterThanOrEqualTo(40 * (after.packetsIn() - before.packetsIn()));
        assertThat(after.bytesOut() - before.bytesOut()).isGreaterThanOrEqualTo(40 * (after.packetsOut() - before.packetsOut()));
        List<Counters> servers = snapshot.samples().stream().filter(s -> s.realServer() != null)
                .map(CounterSample::counters).toList();
        assertThat(servers).hasSize(3).allSatisfy(c -> {
            assertThat(c.packetsIn()).isPositive();
            assertThat(c.bytesOut()).isPositive();
        });
        assertThat(servers.stream().mapToLong(Counters::bytesIn).sum()).isEqualTo(after.bytesIn());
        assertThat(servers.stream().mapToLong(Counters::packetsOut).sum()).isEqualTo(after.packetsOut());
    }

    @Test
    void driftCheckSeesAFlushedRulesetAtOnceAndAChangeInsideTheTableByTheNextFullCheck() throws Exception {
        plane.close();
        plane = open(Map.of("fullCheckSeconds", "2"));
        List<VirtualService> table = List.of(service(Scheduler.WRR, 1, 1, 1));
        converge(table);
        assertThat(plane.mayHaveDrifted()).as("a table it just wrote whole").isFalse();
        List<VirtualService> next = List.of(service(Scheduler.WRR, 3, 1, 1));
        plane.apply(Planner.between(table, next));
        assertThat(plane.mayHaveDrifted()).as("after its own change").isFalse();

        net.director().execOk("nft", "delete", "element", "inet", "ballast", "svc4", "{ " + VIP + " . tcp . 80 }");
        assertThat(plane.mayHaveDrifted()).as("a change inside the table keeps its epoch").isFalse();
        Thread.sleep(2_100);
        assertThat(plane.mayHaveDrifted()).as("past fullCheckSeconds").isTrue();
        assertThat(plane.readTable()).isEmpty();
        converge(next);
        assertThat(plane.readTable()).isEqualTo(entries(next));
        assertThat(plane.mayHaveDrifted()).isFalse();

        net.director().execOk("nft", "flush", "ruleset");
        assertThat(plane.mayHaveDrifted()).as("after nft flush ruleset").isTrue();
        converge(next);
        assertThat(plane.mayHaveDrifted()).isFalse();

        // Someone makes the table again, even with an epoch set of its own: another number.
        net.director().execOk("nft", "delete", "table", "inet", "ballast");
        assertThat(net.director().execWithInput("add table inet ballast\nadd set inet ballast epoch { type mark ; }\n"
                + "add element inet ballast epoch { 1 }\n", "nft", "-f", "-").exitCode()).isZero();
        assertThat(plane.mayHaveDrifted()).as("a table made again by someone else").isTrue();
    }

    @Test
    void aMissingSlotMarksItsServiceDamagedAndTheNextApplyRewritesIt() throws Exception {
        List<VirtualService> target = List.of(service(Scheduler.WRR, 1, 1, 1));
        converge(target);
        net.director().execOk("nft", "delete", "element", "inet", "ballast", "slotst4_1", "{ 65537 }");

        assertThat(plane.readTable()).isEmpty();
        converge(target);

        assertThat(plane.readTable()).isEqualTo(entries(target));
        assertThat(connections(30)).containsOnlyKeys("rs1", "rs2", "rs3");
    }

    @Test
    void weightChangeOfAHashedServiceChangesElementsOnlyAndKeepsEstablishedConnections() throws Exception {
        VirtualService other = new VirtualService("other", Protocol.TCP, VIP, 8080, null, null, Scheduler.RR, Set.of(),
                null, ForwardingMethod.NAT, null, null, service(Scheduler.RR, 1, 1).realServers());
        converge(List.of(service(Scheduler.MH, 1, 1, 1), other));
        String rulesBefore = net.director().execOk("nft", "-a", "list", "chain", "inet", "ballast", "vs1").stdout();
        String otherBefore = net.director().execOk("nft", "list", "map", "inet", "ballast", "slotst4_2").stdout();
        List<Netns.HeldConnection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                held.add(net.client().hold(VIP, 80));
            }
            converge(List.of(service(Scheduler.MH, 1, 4, 1), other));

            // Same rules, same handles: the change was elements only, and none of the other service's.
            assertThat(net.director().execOk("nft", "-a", "list", "chain", "inet", "ballast", "vs1").stdout())
                    .isEqualTo(rulesBefore);
            assertThat(net.director().execOk("nft", "list", "map", "inet", "ballast", "slotst4_2").stdout())
                    .isEqualTo(otherBefore);
            assertThat(plane.readTable()).isEqualTo(entries(List.of(service(Scheduler.MH, 1, 4, 1), other)));
            for (Netns.HeldConnection connection : held) {
                assertThat(connection.ask()).isEqualTo(connection.server());
            }
        } finally {
            held.forEach(Netns.HeldConnection::close);
        }
        assertThat(net.director().execOk("nft", "list", "set", "inet", "ballast", "rec").stdout())
                .contains("198.51.100.12:80 w=4 st=A");
    }

    @Test
    void changesAfterAServiceWasSwappedForAnotherLandOnTheRightService() throws Exception {
        VirtualService web = service(Scheduler.RR, 1, 1, 1);
        VirtualService b = new VirtualService("b", Protocol.TCP, VIP, 8081, null, null, Scheduler.RR, Set.of(), null,
                ForwardingMethod.NAT, null, null, service(Scheduler.RR, 1).realServers());
        VirtualService c = new VirtualService("c", Protocol.TCP, VIP, 8082, null, null, Scheduler.WRR, Set.of(), null,
                ForwardingMethod.NAT, null, null, service(Scheduler.WRR, 1, 1).realServers());
        converge(List.of(b, web));
        // Planned from what was applied, as the reconciler does between full reads: no read in between.
        plane.apply(Planner.between(entries(List.of(b, web)), List.of(c, web))); // same count, other order
        VirtualService drainedWeb = service(Scheduler.RR, 1, 0, 1);
        plane.apply(Planner.between(entries(List.of(c, web)), List.of(c, drainedWeb)));

        try (DataPlane fresh = open()) {
            assertThat(fresh.readTable()).containsExactlyInAnyOrderElementsOf(entries(List.of(c, drainedWeb)));
        }
        assertThat(connections(30)).containsOnlyKeys("rs1", "rs3");
    }

    @Test
    void aDeletedRecordMarksItsServiceDamagedAndTheNextApplyRewritesIt() throws Exception {
        List<VirtualService> target = List.of(service(Scheduler.RR, 1, 1, 1));
        converge(target);
        net.director().execOk("nft", "delete", "element", "inet", "ballast", "rec", "{ 65538 }");

        assertThat(plane.readTable()).isEmpty();
        converge(target);

        assertThat(plane.readTable()).isEqualTo(entries(target));
        assertThat(connections(30)).containsOnlyKeys("rs1", "rs2", "rs3");
    }

    @Test
    void tableWithTheRecordsInItsChainsIsReadAndMovedToTheRecordSetByTheNextChange() throws Exception {
        VirtualService web = service(Scheduler.WRR, 1, 2, 3);
        converge(List.of(web));
        // The layout before the record set: records were rules after a return in the service chain.
        InstalledService installed = new InstalledService(1, web.asTableEntry());
        StringBuilder old = new StringBuilder("flush chain inet ballast vs1\ndelete set inet ballast rec\n");
        old.append("add rule inet ballast vs1 counter comment \"").append(TableEncoding.serviceComment(web)).append("\"\n");
        for (String rule : new ServiceDispatch(1024).choice(installed).rules()) {
            old.append("add rule inet ballast vs1 ").append(rule).append('\n');
        }
        old.append("add rule inet ballast vs1 return\n");
        for (RealServer server : web.realServers()) {
            old.append("add rule inet ballast vs1 counter comment \"")
                    .append(TableEncoding.realServerComment(server)).append("\"\n");
            old.append("add rule inet ballast vs1 counter comment \"")
                    .append(TableEncoding.labelComment(server.name())).append("\"\n");
        }
        assertThat(net.director().execWithInput(old.toString(), "nft", "-f", "-").exitCode()).isZero();

        try (DataPlane fresh = open()) {
            assertThat(fresh.readTable()).isEqualTo(entries(List.of(web)));
            VirtualService reweighted = service(Scheduler.WRR, 1, 2, 4);
            fresh.apply(Planner.between(fresh.readTable(), List.of(reweighted)));

            assertThat(net.director().execOk("nft", "list", "chain", "inet", "ballast", "vs1").stdout())
                    .doesNotContain("comment");
            assertThat(fresh.readTable()).isEqualTo(entries(List.of(reweighted)));
        }
        assertThat(connections(7)).hasSize(3);
    }

    private static Counters serviceCounters(CounterSnapshot snapshot) {
        return snapshot.samples().stream().filter(s -> s.realServer() == null).findFirst().orElseThrow().counters();
    }

    private static long serviceConnections(CounterSnapshot snapshot) {
        return snapshot.samples().stream().filter(s -> s.realServer() == null)
                .mapToLong(s -> s.counters().connections()).sum();
    }

    private static List<VirtualService> entries(List<VirtualService> services) {
        return services.stream().map(VirtualService::asTableEntry).toList();
    }
}
