package io.ballast.agent.dataplane.nftables;

import static io.ballast.agent.testsupport.netns.LoadBalancerTopology.VIP;
import static io.ballast.agent.testsupport.netns.LoadBalancerTopology.VIP6;
import static io.ballast.agent.testsupport.netns.LoadBalancerTopology.realServer;
import static io.ballast.agent.testsupport.netns.LoadBalancerTopology.realServer6;
import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.agent.dataplane.DataPlane;
import io.ballast.agent.dataplane.PlaneOptions;
import io.ballast.agent.testsupport.RealEngines;
import io.ballast.agent.testsupport.netns.LoadBalancerTopology;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import io.ballast.model.api.CounterSnapshot;
import io.ballast.model.plan.Planner;
import io.ballast.netns.NetnsLab;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real traffic through a table the plane wrote (IPv4, IPv6 and a firewall-mark service), then every
 * counter set read both ways: over netlink and through nft's listing must agree, and the counts must
 * have grown by what the client sent.
 */
class NftablesCountersOverNetlinkTrafficTest {

    private static final int MARK = 6;
    private static final int MARKED_PORT = 8080;
    private static NetnsLab lab;
    private static LoadBalancerTopology net;

    @TempDir
    Path state;

    @BeforeAll
    static void buildNetwork() {
        RealEngines.require("nftables counters over netlink", true, "nft", "ip", "python3", "ss");
        lab = NetnsLab.create();
        net = LoadBalancerTopology.create(lab, 3);
        net.startIdentityServers("tcp", 80);
        // The mark service's servers listen on their own port: a marked connection to VIP:8080 DNATed to a
        // server's port 80 would also match the VIP:80 service's rsc4 key (original VIP . tcp . server . 80).
        net.startIdentityServers("tcp", MARKED_PORT);
        // Marks connections to VIP:8080 before the plane's DNAT sees them: the firewall-mark service's traffic.
        io.ballast.netns.Netns.Result marking = net.director().execWithInput("table inet blmark { chain pre { type filter hook prerouting priority mangle;"
                + " ip daddr " + VIP + " tcp dport " + MARKED_PORT + " meta mark set " + MARK + " ; } ; }\n", "nft", "-f", "-");
        assertThat(marking.exitCode()).as(marking.stderr()).isZero();
    }

    @AfterAll
    static void removeNetwork() {
        if (lab != null) {
            lab.close();
        }
    }

    private static List<RealServer> servers(boolean v6, int port) {
        List<RealServer> servers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            servers.add(RealServer.of("rs" + i, v6 ? realServer6(i) : realServer(i), port, 1));
        }
        return servers;
    }

    private Map<String, Map<String, NftRulesetRenderer.CounterValue>> read(CounterReader reader) throws Exception {
        return reader.read("ballast", CounterSets.ALL);
    }

    private static long connections(Map<String, NftRulesetRenderer.CounterValue> set) {
        return set.values().stream().mapToLong(NftRulesetRenderer.CounterValue::packets).sum();
    }

    private static long serviceConnections(CounterSnapshot snapshot, String service) {
        return snapshot.samples().stream().filter(s -> s.realServer() == null && s.service().equals(service))
                .mapToLong(s -> s.counters().connections()).sum();
    }

    @Test
    void netlinkAndNftListingAgreeOnEveryCounterSetAndCountWhatWasSent() throws Exception {
        List<VirtualService> services = List.of(
                new VirtualService("web", Protocol.TCP, VIP, 80, null, null, Scheduler.RR, Set.of(), null,
                        ForwardingMethod.NAT, null, null, servers(false, 80)),
                new VirtualService("web6", Protocol.TCP, VIP6, 80, null, null, Scheduler.RR, Set.of(), null,
                        ForwardingMethod.NAT, null, null, servers(true, 80)),
                new VirtualService("marked", null, null, 0, MARK, null, Scheduler.RR, Set.of(), null,
                        ForwardingMethod.NAT, null, null, servers(false, MARKED_PORT)));
        String director = net.director().name();
        try (DataPlane plane = new NftablesProvider().open(new PlaneOptions("d1", state, Map.of("netns", director)));
             NftCommand nft = new NftCommand(new CommandRunner(director, 30_000), "nft", 30_000);
             NftCounterReader listing = new NftCounterReader(nft, "nft");
             NetlinkCounterReader netlink = NetlinkCounterReader.open(director, "ballast")) {
            assertThat(((NftablesDataPlane) plane).counterReader()).startsWith("netlink");
            plane.apply(Planner.between(plane.readTable(), services));
            Map<String, Map<String, NftRulesetRenderer.CounterValue>> before = read(netlink);

            assertThat(net.client().countReplies("tcp", VIP, 80, 30)).containsOnlyKeys("rs1", "rs2", "rs3");
            assertThat(net.client().countReplies("tcp", VIP6, 80, 21)).containsOnlyKeys("rs1", "rs2", "rs3");
            assertThat(net.client().countReplies("tcp", VIP, MARKED_PORT, 12)).containsOnlyKeys("rs1", "rs2", "rs3");
            NetnsLab.sleep(300); // the last FINs and ACKs pass the forward chain's counters

            Map<String, Map<String, NftRulesetRenderer.CounterValue>> after = read(netlink);
            assertThat(after).isEqualTo(read(listing));
            assertThat(connections(after.get("rsc4")) - connections(before.get("rsc4"))).isEqualTo(30);
            assertThat(connections(after.get("rsc6")) - connections(before.get("rsc6"))).isEqualTo(21);
            assertThat(connections(after.get("rscm4")) - connections(before.get("rscm4"))).isEqualTo(12);
            // Each connection's handshake, request and reply: at least 3 packets each way.
            assertThat(connections(after.get("rsi4")) - connections(before.get("rsi4"))).isGreaterThanOrEqualTo(90);
            assertThat(connections(after.get("rso6")) - connections(before.get("rso6"))).isGreaterThanOrEqualTo(63);
            assertThat(after.get("rsc4")).hasSize(3);
            assertThat(after.get("rscm4")).hasSize(3);
            assertThat(after.get("rsim4").values()).allSatisfy(v -> assertThat(v.packets()).isGreaterThanOrEqualTo(3));

            CounterSnapshot snapshot = plane.sampleCounters();
            assertThat(serviceConnections(snapshot, "tcp/" + VIP + ":80")).isEqualTo(30);
            assertThat(serviceConnections(snapshot, "tcp/[" + VIP6 + "]:80")).isEqualTo(21);
            assertThat(serviceConnections(snapshot, "fwm/" + MARK)).isEqualTo(12);
        } finally {
            net.director().exec("nft", "delete", "table", "inet", "ballast");
        }
    }
}
