package io.ballast.benchmarks.nftables;

import io.ballast.agent.dataplane.DataPlane;
import io.ballast.agent.dataplane.PlaneOptions;
import io.ballast.agent.dataplane.nftables.NftablesProvider;
import io.ballast.model.Addresses;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import io.ballast.model.plan.Planner;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts one TCP service into Ballast's nft table through the real plane (and leaves it there), for
 * the data-path benchmark script. Usage:
 * {@code ApplyBallastTable NETNS SCHEDULER VIP:PORT RS:PORT...}; with no real servers it empties the table.
 */
public final class ApplyBallastTable {

    private ApplyBallastTable() {
    }

    public static void main(String[] args) throws Exception {
        String netns = args[0];
        List<VirtualService> target = new ArrayList<>();
        if (args.length > 3) {
            String[] vip = Addresses.splitEndpoint(args[2]);
            List<RealServer> servers = new ArrayList<>();
            for (int i = 3; i < args.length; i++) {
                String[] rs = Addresses.splitEndpoint(args[i]);
                servers.add(RealServer.of("rs" + (i - 2), rs[0], Integer.parseInt(rs[1]), 1));
            }
            target.add(new VirtualService("bench", Protocol.TCP, vip[0], Integer.parseInt(vip[1]), null, null,
                    Scheduler.fromWireName(args[1]), Set.of(), null, ForwardingMethod.NAT, null, null, servers));
        }
        try (DataPlane plane = new NftablesProvider().open(new PlaneOptions("bench",
                Files.createTempDirectory("nft-bench"), Map.of("netns", netns)))) {
            plane.apply(Planner.between(plane.readTable(), target));
        }
    }
}
