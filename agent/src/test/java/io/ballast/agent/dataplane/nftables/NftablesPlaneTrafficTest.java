package io.ballast.agent.dataplane.nftables;

import static io.ballast.agent.testsupport.netns.LoadBalancerTopology.VIP;
import static io.ballast.agent.testsupport.netns.LoadBalancerTopology.VIP6;
import static io.ballast.agent.testsupport.netns.LoadBalancerTopology.realServer;
import static io.ballast.agent.testsupport.netns.LoadBalancerTopology.realServer6;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.agent.dataplane.DataPlane;
import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.dataplane.PlaneOptions;
import io.ballast.agent.testsupport.RealEngines;
import io.ballast.agent.testsupport.netns.LoadBalancerTopology;
import io.ballast.agent.testsupport.netns.Netns;
import io.ballast.agent.testsupport.netns.NetnsLab;
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
import io.ballast.model.plan.Planner;
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
        RealEngines.require("nftables plane", true, "nft", "ip");
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
        return new NftablesProvider().open(new PlaneOptions("d1", state, Map.of("netns", net.director().name())));
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
}
