package io.ballast.model.keepalived;

import io.ballast.model.Addresses;
import io.ballast.model.keepalived.ImportIssue.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** vrrp_instance and vrrp_sync_group blocks to what Ballast keeps of them. */
final class VrrpImport {

    /** One virtual address; {@code prefix} null when written without one. */
    record Vip(String address, Integer prefix, ConfStatement line) {

        /** "10.0.0.1/24", or the bare address for a host prefix (or none). */
        String text() {
            boolean host = prefix == null || prefix == (address.contains(":") ? 128 : 32);
            return host ? address : address + "/" + prefix;
        }
    }

    /** What one vrrp_instance said that Ballast can use. */
    static final class Instance {
        ConfStatement block;
        String name;
        String iface;
        Integer vrid;
        int priority = 100;
        int advertMs = 1000;
        boolean preempt = true;
        int preemptDelaySeconds;
        String sourceAddress;
        final List<String> peers = new ArrayList<>();
        final List<Vip> vips = new ArrayList<>();
    }

    private static final Map<String, String> NOTED = Map.of(
            "track_script", "the agent moves the VRRP priority itself (through its track file); the script is not run",
            "track_file", "the agent moves the VRRP priority itself (through its own track file); this file is not tracked",
            "track_interface", "the agent watches its interfaces itself; not tracked through keepalived",
            "track_process", "the agent watches its processes itself; not tracked through keepalived",
            "track_bfd", "Ballast has no BFD; not tracked");

    private final ImportContext context;
    final List<Instance> instances = new ArrayList<>();
    private final List<ConfStatement> syncMembers = new ArrayList<>();

    VrrpImport(ImportContext context) {
        this.context = context;
    }

    void readInstance(ConfStatement block) {
        Instance instance = new Instance();
        instance.block = block;
        instance.name = block.arg(0);
        for (ConfStatement s : context.visible(block.children())) {
            switch (s.keyword()) {
                case "state" -> {
                    if ("MASTER".equals(s.arg(0))) {
                        context.issue(s, Kind.APPROXIMATED, "Ballast starts every director as BACKUP and lets the"
                                + " higher priority become master (nopreempt and preempt_delay need that)");
                    } else if (!"BACKUP".equals(s.arg(0))) {
                        context.issue(s, Kind.INVALID, "'" + s.arg(0) + "' is not MASTER or BACKUP");
                    }
                }
                case "interface" -> instance.iface = s.arg(0);
                case "virtual_router_id" -> instance.vrid = context.integer(s, 0, 1, 255);
                case "priority" -> instance.priority = orElse(context.integer(s, 0, 1, 255), instance.priority);
                case "advert_int" -> instance.advertMs = orElse(context.millis(s, 0), instance.advertMs);
                case "nopreempt" -> instance.preempt = false;
                case "preempt" -> instance.preempt = true;
                case "preempt_delay" -> {
                    Integer ms = context.millis(s, 0);
                    if (ms != null) {
                        instance.preemptDelaySeconds = (ms + 999) / 1000;
                        if (ms % 1000 != 0) {
                            context.issue(s, Kind.APPROXIMATED, "Ballast keeps whole seconds: "
                                    + instance.preemptDelaySeconds + " s");
                        }
                    }
                }
                case "unicast_src_ip" -> instance.sourceAddress = address(s, s.arg(0));
                case "unicast_peer" -> {
                    for (ConfStatement peer : context.visible(s.children())) {
                        String address = address(peer, peer.keyword());
                        if (address != null) {
                            instance.peers.add(address);
                        }
                        if (!peer.args().isEmpty()) {
                            context.issue(peer, Kind.NOT_MAPPED, "TTL limits on unicast peers are not kept");
                        }
                    }
                }
                case "virtual_ipaddress", "virtual_ipaddress_excluded" -> {
                    for (ConfStatement vip : context.visible(s.children())) {
                        Vip parsed = vip(vip);
                        if (parsed != null) {
                            instance.vips.add(parsed);
                        }
                    }
                }
                case "version" -> {
                    if (!"3".equals(s.arg(0))) {
                        context.issue(s, Kind.APPROXIMATED, "Ballast runs VRRP version 3; both directors must change together");
                    }
                }
                case "authentication" -> context.notMapped(s, "VRRPv3 has no authentication; dropped");
                case "mcast_src_ip" -> context.notMapped(s, "Ballast uses unicast VRRP from the director's own address");
                case "use_vmac", "vmac_xmit_base", "use_ipvlan", "virtual_routes", "virtual_rules" -> context.issue(s,
                        Kind.UNSUPPORTED, "Ballast does not offer " + s.keyword() + "; dropped");
                default -> {
                    if (NOTED.containsKey(s.keyword())) {
                        context.notMapped(s, NOTED.get(s.keyword()));
                    } else if (s.keyword().startsWith("notify")) {
                        context.notMapped(s, "the agent reads state changes from keepalived's notify_fifo; the script is not run");
                    } else {
                        context.notMapped(s, "not a vrrp_instance option Ballast keeps; dropped");
                    }
                }
            }
        }
        if (instance.vrid == null) {
            context.issue(block, Kind.INVALID, "vrrp_instance " + instance.name + " has no virtual_router_id; it is dropped");
            return;
        }
        instances.add(instance);
    }

    void readSyncGroup(ConfStatement block) {
        for (ConfStatement s : context.visible(block.children())) {
            if (s.keyword().equals("group")) {
                syncMembers.addAll(context.visible(s.children()));
            } else {
                context.notMapped(s, "Ballast moves all of a cluster's addresses together without further sync-group"
                        + " options; dropped");
            }
        }
    }

    /** Sync-group members that name no instance. */
    void reportUnknownSyncMembers() {
        Set<String> names = new LinkedHashSet<>();
        instances.forEach(i -> names.add(i.name));
        for (ConfStatement member : syncMembers) {
            if (!names.contains(member.keyword())) {
                context.issue(member, Kind.INVALID, "no vrrp_instance named '" + member.keyword() + "'");
            }
        }
    }

    private Vip vip(ConfStatement line) {
        String text = line.keyword();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (!Addresses.isLiteral(address)) {
            context.issue(line, Kind.INVALID, "'" + text + "' is not an IP address");
            return null;
        }
        Integer prefix = null;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                context.issue(line, Kind.INVALID, "'" + text + "' has no valid prefix length");
                return null;
            }
        }
        List<String> args = line.args();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("dev") && i + 1 < args.size()) {
                i++;
            } else {
                context.issue(line, Kind.NOT_MAPPED, "the address options '" + String.join(" ", args.subList(i, args.size()))
                        + "' are not kept; the agent adds the address on the VRRP interface (or the gateway interface)");
                break;
            }
        }
        return new Vip(Addresses.canonical(address), prefix, line);
    }

    private String address(ConfStatement s, String text) {
        if (text == null || !Addresses.isLiteral(text)) {
            context.issue(s, Kind.INVALID, "'" + text + "' is not an IP address");
            return null;
        }
        return Addresses.canonical(text);
    }

    private static int orElse(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
