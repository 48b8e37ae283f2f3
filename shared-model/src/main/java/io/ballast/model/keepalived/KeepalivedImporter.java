package io.ballast.model.keepalived;

import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.FailoverSettings;
import io.ballast.model.RealServer;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;
import io.ballast.model.keepalived.ImportIssue.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A keepalived.conf to a Ballast cluster, with a report of every line not taken over as written.
 *
 * <p>One file describes one director. The spec has that one director, named by {@code router_id}
 * (else "director-1"), with the address, priority and interface of the first vrrp_instance. The
 * form is {@code HA_PAIR} when a vrrp_instance has a {@code unicast_peer} (the peer is known, and
 * becomes a unicast peer of the failover settings), {@code STREAMLINE} when that is so and the
 * director's own address is also a real server, and {@code SINGLE} otherwise (multicast VRRP names
 * no peer; its instances are reported). All VRRP instances' addresses move together in Ballast:
 * the first instance gives the VRID, advert interval and preemption; addresses that are no virtual
 * service's VIP become gateway VIPs.
 */
public final class KeepalivedImporter {

    private static final Map<String, String> TOP_LEVEL_NOT_MAPPED = Map.ofEntries(
            Map.entry("vrrp_script", "the agent decides the VRRP priority itself; the script is not run"),
            Map.entry("track_file", "the agent keeps its own track file; this one is not tracked"),
            Map.entry("vrrp_track_file", "the agent keeps its own track file; this one is not tracked"),
            Map.entry("vrrp_track_process", "the agent watches its processes itself"),
            Map.entry("static_ipaddress", "Ballast does not manage static addresses; configure them on the host"),
            Map.entry("static_routes", "Ballast does not manage static routes; configure them on the host"),
            Map.entry("static_rules", "Ballast does not manage routing rules; configure them on the host"),
            Map.entry("linkbeat_interfaces", "the agent watches its interfaces itself"),
            Map.entry("garp_group", "Ballast uses keepalived's default gratuitous ARP settings"),
            Map.entry("SSL", "Ballast's HTTPS check does not present a client certificate"),
            Map.entry("bfd_instance", "Ballast has no BFD"),
            Map.entry("net_namespace", "the agent runs keepalived in the director's own namespace"));

    private static final Set<String> GLOBAL_NOT_MAPPED_REASONED = Set.of("notification_email", "notification_email_from",
            "smtp_server", "smtp_connect_timeout", "smtp_alert", "smtp_alert_vrrp", "smtp_alert_checker");

    private KeepalivedImporter() {
    }

    /** Parses {@code text} (named {@code name}, includes through {@code resolver}) and imports it. */
    public static KeepalivedImport importConfig(String name, String text, IncludeResolver resolver, ImportOptions options)
            throws KeepalivedSyntaxException {
        return importConfig(new KeepalivedParser(resolver).parseDocument(name, text), options);
    }

    /** Imports an already parsed document. Never throws for content: what cannot be used is reported. */
    public static KeepalivedImport importConfig(ConfDocument document, ImportOptions options) {
        ImportContext context = new ImportContext(options == null ? ImportOptions.defaults() : options);
        List<ConfStatement> top = context.visible(document.nodes());
        Map<String, ConfStatement> groups = new LinkedHashMap<>();
        for (ConfStatement s : top) {
            if (s.keyword().equals("virtual_server_group") && s.arg(0) != null) {
                groups.put(s.arg(0), s);
            }
        }
        VirtualServerImport virtualServers = new VirtualServerImport(context, groups);
        VrrpImport vrrp = new VrrpImport(context);
        List<VirtualService> services = new ArrayList<>();
        Map<ServiceKey, ConfStatement> keys = new LinkedHashMap<>();
        String routerId = null;
        boolean connectionSync = false;
        for (ConfStatement s : top) {
            switch (s.keyword()) {
                case "global_defs" -> {
                    for (ConfStatement g : context.visible(s.children())) {
                        if (g.keyword().equals("router_id")) {
                            routerId = g.arg(0);
                        } else if (g.keyword().equals("lvs_sync_daemon") || g.keyword().equals("lvs_sync_daemon_interface")) {
                            connectionSync = true;
                            if (g.args().size() > 1 && !g.keyword().equals("lvs_sync_daemon_interface")) {
                                context.issue(g, Kind.APPROXIMATED, "connection sync is on; the agent chooses the sync"
                                        + " daemon's interface, id and group itself");
                            }
                        } else if (GLOBAL_NOT_MAPPED_REASONED.contains(g.keyword())) {
                            context.notMapped(g, "Ballast reports events to its clients, not by mail; dropped");
                        } else {
                            context.notMapped(g, "a global setting the agent chooses itself (or that Ballast does not"
                                    + " offer); dropped");
                        }
                    }
                }
                case "vrrp_instance" -> vrrp.readInstance(s);
                case "vrrp_sync_group" -> vrrp.readSyncGroup(s);
                case "virtual_server_group" -> {
                    // read when a virtual_server uses it
                }
                case "virtual_server" -> {
                    for (VirtualService service : virtualServers.read(s)) {
                        if (keys.putIfAbsent(service.key(), s) == null) {
                            services.add(service);
                        } else {
                            context.issue(s, Kind.INVALID, "service " + service.key() + " is defined a second time;"
                                    + " the first definition is kept");
                        }
                    }
                }
                default -> {
                    String reason = TOP_LEVEL_NOT_MAPPED.get(s.keyword());
                    context.notMapped(s, (reason != null ? reason : "not a keepalived block Ballast knows") + "; dropped");
                }
            }
        }
        virtualServers.reportUnusedGroups();
        vrrp.reportUnknownSyncMembers();
        ClusterSpec spec = assemble(vrrp, services, routerId, connectionSync,
                options == null ? ImportOptions.defaults() : options, context);
        if (spec.failover() != null) {
            reportVipsOutsideVrrp(vrrp, keys, context);
        }
        return new KeepalivedImport(spec, context.report());
    }

    private static ClusterSpec assemble(VrrpImport vrrp, List<VirtualService> services, String routerId,
                                        boolean connectionSync, ImportOptions options, ImportContext context) {
        String directorId = routerId != null ? routerId : "director-1";
        String clusterName = options.clusterName() != null ? options.clusterName()
                : routerId != null ? routerId : "imported";
        List<VrrpImport.Instance> instances = vrrp.instances;
        if (instances.isEmpty()) {
            Director director = new Director(directorId, null, null, 100, null);
            return new ClusterSpec(ClusterSpec.SCHEMA_VERSION, clusterName, ClusterForm.SINGLE, 0, List.of(director),
                    services, null);
        }
        VrrpImport.Instance first = instances.get(0);
        Director director = new Director(directorId, first.sourceAddress, null, first.priority, first.iface);
        boolean unicast = instances.stream().anyMatch(i -> !i.peers.isEmpty());
        if (!unicast) {
            for (VrrpImport.Instance instance : instances) {
                context.notMapped(instance.block, "multicast VRRP names no peer, so this file shows one director alone:"
                        + " imported as SINGLE without failover; add unicast_peer (or the peer director) for HA_PAIR");
            }
            return new ClusterSpec(ClusterSpec.SCHEMA_VERSION, clusterName, ClusterForm.SINGLE, 0, List.of(director),
                    services, null);
        }
        Set<String> peers = new LinkedHashSet<>();
        Set<String> serviceVips = new LinkedHashSet<>();
        services.forEach(s -> {
            if (s.address() != null) {
                serviceVips.add(s.address());
            }
        });
        Set<String> gatewayVips = new LinkedHashSet<>();
        for (VrrpImport.Instance instance : instances) {
            peers.addAll(instance.peers);
            for (VrrpImport.Vip vip : instance.vips) {
                if (!serviceVips.contains(vip.address()) && gatewayVips.add(vip.text())) {
                    context.issue(vip.line(), vip.line().keyword(), Kind.APPROXIMATED, "serves no virtual_server here,"
                            + " so it is imported as a gateway VIP (an internal address real servers route through)");
                }
            }
            if (instance != first) {
                compare(instance, first, context);
            }
        }
        FailoverSettings failover = new FailoverSettings(first.vrid, first.advertMs, first.preempt,
                first.preemptDelaySeconds, List.copyOf(peers), connectionSync, List.copyOf(gatewayVips));
        boolean streamline = first.sourceAddress != null && services.stream()
                .flatMap(s -> s.realServers().stream()).map(RealServer::address).anyMatch(first.sourceAddress::equals);
        return new ClusterSpec(ClusterSpec.SCHEMA_VERSION, clusterName,
                streamline ? ClusterForm.STREAMLINE : ClusterForm.HA_PAIR, 0, List.of(director), services, failover);
    }

    // In Ballast every service VIP fails over; keepalived may have left some to the host's own configuration.
    private static void reportVipsOutsideVrrp(VrrpImport vrrp, Map<ServiceKey, ConfStatement> services,
                                              ImportContext context) {
        Set<String> vrrpAddresses = new java.util.HashSet<>();
        vrrp.instances.forEach(i -> i.vips.forEach(v -> vrrpAddresses.add(v.address())));
        Set<String> reported = new java.util.HashSet<>();
        for (Map.Entry<ServiceKey, ConfStatement> service : services.entrySet()) {
            String address = service.getKey().address();
            if (address != null && !vrrpAddresses.contains(address) && reported.add(address)) {
                context.issue(service.getValue(), Kind.APPROXIMATED, "the VIP " + address + " is in no vrrp_instance"
                        + " here; Ballast moves it with the cluster's other addresses on failover");
            }
        }
    }

    // Ballast moves every address of a cluster with one VRRP router; say what of a second instance is not kept.
    private static void compare(VrrpImport.Instance instance, VrrpImport.Instance first, ImportContext context) {
        List<String> differences = new ArrayList<>();
        if (instance.priority != first.priority) {
            differences.add("priority " + instance.priority);
        }
        if (instance.advertMs != first.advertMs) {
            differences.add("advert interval " + instance.advertMs + " ms");
        }
        if (instance.preempt != first.preempt || instance.preemptDelaySeconds != first.preemptDelaySeconds) {
            differences.add("preemption");
        }
        if (instance.iface != null && !instance.iface.equals(first.iface)) {
            differences.add("interface " + instance.iface + " (give it to the agent as its gateway interface)");
        }
        if (instance.vrid != VrrpBlocks.gatewayVrid(first.vrid)) {
            differences.add("virtual_router_id " + instance.vrid + " (Ballast uses " + VrrpBlocks.gatewayVrid(first.vrid)
                    + " for a second instance)");
        }
        if (differences.isEmpty()) {
            return;
        }
        context.issue(instance.block, Kind.APPROXIMATED, "Ballast moves all addresses together with the settings of "
                + first.name + " (" + ImportContext.where(first.block, instance.block) + "); this instance's addresses are kept, its "
                + String.join(", ", differences) + " not");
    }
}
