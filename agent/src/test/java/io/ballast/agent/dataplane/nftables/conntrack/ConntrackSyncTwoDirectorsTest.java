package io.ballast.agent.dataplane.nftables.conntrack;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.agent.dataplane.DataPlane;
import io.ballast.agent.dataplane.PlaneOptions;
import io.ballast.agent.dataplane.nftables.CommandRunner;
import io.ballast.agent.dataplane.nftables.NftablesProvider;
import io.ballast.agent.testsupport.RealEngines;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import io.ballast.model.plan.Planner;
import io.ballast.netns.Netns;
import io.ballast.netns.NetnsLab;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two directors joined by a sync link, conntrackd started by the plane on each: a connection NATed by
 * the master shows up in the standby's kernel table (conntrackd injects it, no external cache), and when
 * the standby becomes master it counts the connection among its own.
 */
class ConntrackSyncTwoDirectorsTest {

    @TempDir
    Path state;

    @Test
    void standbyHoldsTheMastersConnectionsInItsKernelBeforeItTakesOver() throws Exception {
        RealEngines.require("conntrackd sync", true, "nft", "ip", "conntrackd", "python3", "ss");
        try (NetnsLab lab = NetnsLab.create()) {
            Netns client = lab.namespace("client");
            Netns a = lab.namespace("dira");
            Netns b = lab.namespace("dirb");
            Netns rs = lab.namespace("rs1");
            lab.connect(client, "eth0", "front", "203.0.113.2/24");
            lab.connect(a, "eth0", "front", "203.0.113.1/24", "203.0.113.10/32");
            lab.connect(b, "eth0", "front", "203.0.113.3/24");
            lab.connect(a, "eth1", "back", "198.51.100.1/24");
            lab.connect(b, "eth1", "back", "198.51.100.2/24");
            lab.connect(a, "sync", "sync", "192.0.2.11/24");
            lab.connect(b, "sync", "sync", "192.0.2.12/24");
            lab.connect(rs, "eth0", "back", "198.51.100.11/24");
            client.defaultRoute("203.0.113.1");
            rs.defaultRoute("198.51.100.1");
            rs.startIdentityServer("tcp", 80, "rs1");

            List<VirtualService> table = List.of(new VirtualService("web", Protocol.TCP, "203.0.113.10", 80, null, null,
                    Scheduler.RR, Set.of(), null, ForwardingMethod.NAT, null, null,
                    List.of(RealServer.of("rs1", "198.51.100.11", 80, 1))));
            try (DataPlane master = open(a, "a", "192.0.2.11", "192.0.2.12");
                 DataPlane standby = open(b, "b", "192.0.2.12", "192.0.2.11")) {
                master.apply(Planner.between(master.readTable(), table));
                standby.apply(Planner.between(standby.readTable(), table));
                standby.setActive(false);
                try (Netns.HeldConnection held = client.hold("203.0.113.10", 80)) {
                    assertThat(held.server()).isEqualTo("rs1");

                    // In the standby's kernel before any takeover, with the master's NAT binding (reply from the real server).
                    String kernel = waitFor(() -> b.execOk("cat", "/proc/net/nf_conntrack").stdout(), "198.51.100.11");
                    assertThat(kernel).contains("src=203.0.113.2 dst=203.0.113.10")
                            .contains("src=198.51.100.11 dst=").contains("ESTABLISHED");

                    standby.setActive(true);
                    ConntrackSync sync = ((io.ballast.agent.dataplane.nftables.NftablesDataPlane) standby).connectionSync();
                    assertThat(waitFor(() -> sync.control("-i"), "dst=203.0.113.10"))
                            .as("the new master announces the connection as its own").contains("src=203.0.113.2");
                }
            }
        }
    }

    private DataPlane open(Netns ns, String node, String local, String peer) throws Exception {
        return new NftablesProvider().open(new PlaneOptions(node, state, Map.of("netns", ns.name(),
                "conntrackd.local", local, "conntrackd.peer", peer, "conntrackd.interface", "sync",
                "snat", "none")));
    }

    interface Probe {
        String read() throws Exception;
    }

    private static String waitFor(Probe probe, String wanted) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                last = probe.read();
            } catch (Exception e) {
                last = e.getMessage();
            }
            if (last.contains(wanted)) {
                return last;
            }
            Thread.sleep(200);
        }
        return last;
    }
}
