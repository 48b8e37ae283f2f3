package io.ballast.agent.testsupport.netns;

import io.ballast.netns.Netns;
import io.ballast.netns.NetnsLab;
import java.util.ArrayList;
import java.util.List;

/**
 * The standard picture for data-plane and failover tests, dual stack:
 * <pre>
 *  client 203.0.113.2 / 2001:db8:0:1::2
 *     | bridge "front"
 *  director 203.0.113.1 + VIP 203.0.113.10 / 2001:db8:0:1::1 + VIP 2001:db8:0:1::10
 *     | bridge "back", director 198.51.100.1 / 2001:db8:0:2::1
 *  rs1..rsN 198.51.100.11.. / 2001:db8:0:2::11..  (default routes via the director)
 * </pre>
 * Real servers are named rs1…rsN and answer with that name (see {@link Netns#startIdentityServer}).
 */
public final class LoadBalancerTopology {

    public static final String VIP = "203.0.113.10";
    public static final String VIP6 = "2001:db8:0:1::10";
    public static final String CLIENT = "203.0.113.2";
    public static final String DIRECTOR_FRONT = "203.0.113.1";
    public static final String DIRECTOR_BACK = "198.51.100.1";

    private final NetnsLab lab;
    private final Netns client;
    private final Netns director;
    private final List<Netns> realServers = new ArrayList<>();

    private LoadBalancerTopology(NetnsLab lab, int servers) {
        this.lab = lab;
        client = lab.namespace("client");
        director = lab.namespace("dir");
        lab.connect(client, "eth0", "front", CLIENT + "/24", "2001:db8:0:1::2/64");
        lab.connect(director, "eth0", "front", DIRECTOR_FRONT + "/24", "2001:db8:0:1::1/64",
                VIP + "/32", VIP6 + "/128");
        lab.connect(director, "eth1", "back", DIRECTOR_BACK + "/24", "2001:db8:0:2::1/64");
        client.defaultRoute(DIRECTOR_FRONT);
        client.defaultRoute("2001:db8:0:1::1");
        for (int i = 1; i <= servers; i++) {
            Netns rs = lab.namespace("rs" + i);
            lab.connect(rs, "eth0", "back", realServer(i) + "/24", realServer6(i) + "/64");
            rs.defaultRoute(DIRECTOR_BACK);
            rs.defaultRoute("2001:db8:0:2::1");
            realServers.add(rs);
        }
    }

    /** Builds the namespaces and links; they go when the lab closes. */
    public static LoadBalancerTopology create(NetnsLab lab, int realServers) {
        return new LoadBalancerTopology(lab, realServers);
    }

    public static String realServer(int i) {
        return "198.51.100." + (10 + i);
    }

    public static String realServer6(int i) {
        return "2001:db8:0:2::" + (10 + i);
    }

    public NetnsLab lab() {
        return lab;
    }

    public Netns client() {
        return client;
    }

    public Netns director() {
        return director;
    }

    public List<Netns> realServers() {
        return List.copyOf(realServers);
    }

    /** Starts an identity server named rsI on every real server. */
    public void startIdentityServers(String protocol, int port) {
        for (int i = 0; i < realServers.size(); i++) {
            realServers.get(i).startIdentityServer(protocol, port, "rs" + (i + 1));
        }
    }
}
