package io.ballast.model.keepalived;

import io.ballast.model.Addresses;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.FailoverSettings;
import io.ballast.model.VirtualService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The VRRP part of a keepalived.conf for one director, shared by the agent's rendering and the export. */
final class VrrpBlocks {

    static final String SYNC_GROUP = "ballast";
    static final String VIP_INSTANCE = "ballast_vip";
    static final String GATEWAY_INSTANCE = "ballast_gw";
    static final String TRACK_FILE = "ballast_hold";

    private VrrpBlocks() {
    }

    /** The VRID of the gateway instance: the next one after the cluster's (or the one before 255). */
    static int gatewayVrid(int vrid) {
        return vrid >= 255 ? 254 : vrid + 1;
    }

    /** advert_int in seconds with centisecond resolution: 50 ms gives "0.05", 1000 ms gives "1". */
    static String advertInterval(int ms) {
        int centis = Math.max(1, Math.round(ms / 10f));
        return new BigDecimal(centis).movePointLeft(2).stripTrailingZeros().toPlainString();
    }

    static List<ConfNode> globalDefs(Director self, VrrpOptions options, boolean vrrp) {
        List<ConfNode> defs = new ArrayList<>();
        defs.add(ConfStatement.of("router_id", self.id()));
        if (!vrrp) {
            return defs;
        }
        defs.add(ConfStatement.of("vrrp_version", "3"));
        if (options.garpMasterDelaySeconds() != null) {
            defs.add(ConfStatement.of("vrrp_garp_master_delay", String.valueOf(options.garpMasterDelaySeconds())));
        }
        if (options.notifyFifo() != null) {
            defs.add(ConfStatement.of("notify_fifo", options.notifyFifo()));
        }
        if (options.realtimePriority() != null) {
            defs.add(ConfStatement.of("vrrp_rt_priority", String.valueOf(options.realtimePriority())));
        }
        if (options.noSwap()) {
            defs.add(ConfStatement.of("vrrp_no_swap"));
        }
        if (options.scriptUser() != null) {
            defs.add(ConfStatement.of("script_user", options.scriptUser()));
            defs.add(ConfStatement.of("enable_script_security"));
        }
        return defs;
    }

    /** track_file declaration, sync group and instances; throws IllegalArgumentException with a sentence. */
    static List<ConfNode> vrrp(ClusterSpec spec, Director self, VrrpOptions options) {
        FailoverSettings failover = spec.failover();
        if (failover == null) {
            throw new IllegalArgumentException("cluster " + spec.name() + " has no failover settings, so no VRRP to render");
        }
        if (self.address() == null || !Addresses.isLiteral(self.address())) {
            throw new IllegalArgumentException("director " + self.id() + " needs its own IP address for unicast VRRP");
        }
        String iface = options.interfaceOverride() != null ? options.interfaceOverride() : self.iface();
        if (iface == null || iface.isBlank()) {
            throw new IllegalArgumentException("director " + self.id() + " names no interface for VRRP");
        }
        // The peers are the configured unicast peers and the other directors, whichever side wrote them.
        Set<String> peerSet = new LinkedHashSet<>();
        failover.unicastPeers().forEach(p -> peerSet.add(Addresses.canonical(p)));
        for (Director d : spec.directors()) {
            if (!d.id().equals(self.id()) && d.address() != null) {
                peerSet.add(Addresses.canonical(d.address()));
            }
        }
        peerSet.remove(Addresses.canonical(self.address()));
        List<String> peers = new ArrayList<>(peerSet);
        if (peers.isEmpty()) {
            throw new IllegalArgumentException("director " + self.id() + " has no VRRP peer: add the other director or a"
                    + " unicast peer");
        }
        Set<String> vips = new LinkedHashSet<>();
        for (VirtualService service : spec.virtualServices()) {
            if (service.address() != null) {
                vips.add(Addresses.canonical(service.address()));
            }
        }
        List<ConfNode> nodes = new ArrayList<>();
        boolean tracked = options.trackFile() != null;
        if (tracked) {
            nodes.add(ConfStatement.block("track_file", List.of(TRACK_FILE), List.of(
                    ConfStatement.of("file", options.trackFile()),
                    ConfStatement.of("weight", String.valueOf(options.trackWeight())),
                    // Creates the file with 0 if missing, and leaves a value the agent wrote before start alone.
                    ConfStatement.of("init_file", "0"))));
        }
        List<ConfStatement> instances = new ArrayList<>();
        instances.add(instance(VIP_INSTANCE, failover.vrid(), iface, self, self.address(), peers, List.copyOf(vips),
                failover, options));
        if (!failover.gatewayVips().isEmpty()) {
            String gatewayIface = options.gatewayInterface() != null ? options.gatewayInterface() : iface;
            String source = options.gatewaySourceAddress() != null ? options.gatewaySourceAddress() : self.address();
            List<String> gatewayPeers = options.gatewayPeers().isEmpty() ? peers : options.gatewayPeers();
            instances.add(instance(GATEWAY_INSTANCE, gatewayVrid(failover.vrid()), gatewayIface, self, source,
                    gatewayPeers, failover.gatewayVips(), failover, options));
        }
        if (instances.size() > 1) {
            List<ConfNode> members = new ArrayList<>();
            instances.forEach(i -> members.add(ConfStatement.of(i.arg(0))));
            List<ConfNode> group = new ArrayList<>();
            group.add(ConfStatement.block("group", List.of(), members));
            if (tracked) {
                // Inside a sync group keepalived ignores tracking weights unless told otherwise.
                group.add(ConfStatement.of("sync_group_tracking_weight"));
            }
            nodes.add(ConfStatement.block("vrrp_sync_group", List.of(SYNC_GROUP), group));
        }
        nodes.addAll(instances);
        return nodes;
    }

    private static ConfStatement instance(String name, int vrid, String iface, Director self, String source,
                                          List<String> peers, List<String> vips, FailoverSettings failover,
                                          VrrpOptions options) {
        boolean v6 = source.contains(":");
        List<ConfNode> body = new ArrayList<>();
        // Every director starts as BACKUP: priorities elect the master, and nopreempt/preempt_delay need it.
        body.add(ConfStatement.of("state", "BACKUP"));
        body.add(ConfStatement.of("interface", iface));
        body.add(ConfStatement.of("virtual_router_id", String.valueOf(vrid)));
        body.add(ConfStatement.of("priority", String.valueOf(self.priority())));
        body.add(ConfStatement.of("advert_int", advertInterval(failover.advertIntervalMs())));
        if (!failover.preempt()) {
            body.add(ConfStatement.of("nopreempt"));
        } else if (failover.preemptDelaySeconds() > 0) {
            body.add(ConfStatement.of("preempt_delay", String.valueOf(failover.preemptDelaySeconds())));
        }
        body.add(ConfStatement.of("unicast_src_ip", source));
        List<ConfNode> peerLines = new ArrayList<>();
        for (String peer : peers) {
            if (peer.contains(":") == v6) {
                peerLines.add(ConfStatement.of(Addresses.canonical(peer)));
            }
        }
        if (peerLines.isEmpty()) {
            throw new IllegalArgumentException("instance " + name + " advertises from " + source + " but no peer has an"
                    + " address of the same family");
        }
        body.add(ConfStatement.block("unicast_peer", List.of(), peerLines));
        List<ConfNode> sameFamily = new ArrayList<>();
        List<ConfNode> otherFamily = new ArrayList<>();
        for (String vip : vips) {
            String address = vip.contains("/") ? vip.substring(0, vip.indexOf('/')) : vip;
            String withPrefix = vip.contains("/") ? vip : vip + (address.contains(":") ? "/128" : "/32");
            ConfStatement line = ConfStatement.of(withPrefix, "dev", iface);
            (address.contains(":") == v6 ? sameFamily : otherFamily).add(line);
        }
        if (sameFamily.isEmpty()) {
            throw new IllegalArgumentException("instance " + name + " would have no " + (v6 ? "IPv6" : "IPv4")
                    + " address to advertise, and keepalived needs one of the family of unicast_src_ip " + source
                    + " (firewall-mark services name no VIP; give the director an address of the VIPs' family)");
        }
        // keepalived wants one family in virtual_ipaddress; the other family moves along as excluded addresses.
        body.add(ConfStatement.block("virtual_ipaddress", List.of(), sameFamily));
        if (!otherFamily.isEmpty()) {
            body.add(ConfStatement.block("virtual_ipaddress_excluded", List.of(), otherFamily));
        }
        if (options.trackFile() != null) {
            body.add(ConfStatement.block("track_file", List.of(), List.of(
                    ConfStatement.of(TRACK_FILE, "weight", String.valueOf(options.trackWeight())))));
        }
        return ConfStatement.block("vrrp_instance", List.of(name), body);
    }
}
