package io.ballast.model.keepalived;

import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import java.util.ArrayList;
import java.util.List;

/**
 * The keepalived.conf the agent runs keepalived with: VRRP only. global_defs (router_id, VRRPv3,
 * notify FIFO, realtime scheduling), one track file the agent writes to move its priority without a
 * reload, a sync group so service VIPs and gateway VIPs move together, the instances — and no
 * virtual_server, because the agent owns the IPVS/nftables tables and the health checks.
 *
 * <p>Names the agent relies on: sync group {@value #SYNC_GROUP}, instances {@value #VIP_INSTANCE}
 * (service VIPs, the cluster's VRID) and {@value #GATEWAY_INSTANCE} (gateway VIPs, the next VRID),
 * track file {@value #TRACK_FILE}. keepalived adds the file's number times the weight to the
 * priority (clamped to 1..254; below -253 the instance goes to FAULT).
 */
public final class KeepalivedVrrpRenderer {

    public static final String SYNC_GROUP = VrrpBlocks.SYNC_GROUP;
    public static final String VIP_INSTANCE = VrrpBlocks.VIP_INSTANCE;
    public static final String GATEWAY_INSTANCE = VrrpBlocks.GATEWAY_INSTANCE;
    public static final String TRACK_FILE = VrrpBlocks.TRACK_FILE;

    private KeepalivedVrrpRenderer() {
    }

    /**
     * The configuration for director {@code self} of {@code spec}.
     *
     * @throws IllegalArgumentException with a sentence when the spec cannot run VRRP for this director
     *                                  (no failover settings, no address, no peer, no interface)
     */
    public static String render(ClusterSpec spec, Director self, VrrpOptions options) {
        return KeepalivedWriter.write(nodes(spec, self, options), List.of(
                "keepalived VRRP configuration for director " + self.id() + " of cluster " + spec.name()
                        + ", revision " + spec.revision() + ".",
                "Written by the Ballast agent: edit the cluster, not this file. VRRP only, no virtual servers: the agent",
                "owns the load-balancing tables and the health checks."));
    }

    /** The same as a syntax tree. */
    public static List<ConfNode> nodes(ClusterSpec spec, Director self, VrrpOptions options) {
        List<ConfNode> nodes = new ArrayList<>();
        nodes.add(ConfStatement.block("global_defs", List.of(), VrrpBlocks.globalDefs(self, options, true)));
        nodes.addAll(VrrpBlocks.vrrp(spec, self, options));
        return nodes;
    }
}
