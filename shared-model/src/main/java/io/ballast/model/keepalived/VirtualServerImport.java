package io.ballast.model.keepalived;

import io.ballast.model.Addresses;
import io.ballast.model.FailAction;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.HealthCheck;
import io.ballast.model.Persistence;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.SorryServer;
import io.ballast.model.VirtualService;
import io.ballast.model.keepalived.ImportIssue.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** virtual_server blocks (by address, firewall mark or group) to Ballast virtual services. */
final class VirtualServerImport {

    /** Persistence timeout when persistence_timeout has no value: keepalived's (and ipvsadm's) six minutes. */
    static final int DEFAULT_PERSISTENCE_SECONDS = 360;

    private static final Map<String, String> NOT_MAPPED = Map.ofEntries(
            Map.entry("quorum", "Ballast has no quorum: a service stays up while any real server is healthy"),
            Map.entry("hysteresis", "Ballast has no quorum, so no quorum hysteresis"),
            Map.entry("smtp_alert", "Ballast reports health changes as events, not mail"),
            Map.entry("snmp_name", "Ballast names services in its own spec"),
            Map.entry("omega", "Ballast runs no notifier scripts at shutdown"),
            Map.entry("ha_suspend", "the agent suspends nothing: it owns the table on the master and the standby"),
            Map.entry("persistence_engine", "Ballast has no persistence engines (sip)"),
            Map.entry("sorry_server_inhibit", "Ballast's sorry server is added or removed, never inhibited"),
            Map.entry("sorry_server_lvs_method", "Ballast's sorry server uses the service's forwarding method"));
    private static final Set<String> UNSUPPORTED = Set.of("quorum_up", "quorum_down", "ops");

    private final ImportContext context;
    private final CheckerImport checkers;
    private final Map<String, ConfStatement> groups;
    private final Set<String> usedGroups = new java.util.HashSet<>();
    // Read once per group, so a group used by a TCP and a UDP service reports its lines once.
    private final Map<String, List<Target>> groupTargets = new java.util.HashMap<>();

    VirtualServerImport(ImportContext context, Map<String, ConfStatement> groups) {
        this.context = context;
        this.checkers = new CheckerImport(context);
        this.groups = groups;
    }

    private record Target(String address, int port, Integer mark, String family, String label) {
    }

    /** The services one virtual_server block stands for (several for a group); empty after reporting it. */
    List<VirtualService> read(ConfStatement vs) {
        List<Target> targets = targets(vs);
        if (targets.isEmpty()) {
            return List.of();
        }
        Scheduler scheduler = Scheduler.WLC;
        Set<SchedulerFlag> flags = EnumSet.noneOf(SchedulerFlag.class);
        List<String> numberedFlags = new ArrayList<>();
        ForwardingMethod forwarding = ForwardingMethod.NAT;
        Protocol protocol = Protocol.TCP;
        Integer persistenceTimeout = null;
        String granularity = null;
        SorryServer sorry = null;
        String family = null;
        CheckerSettings settings = new CheckerSettings();
        List<ConfStatement> realServers = new ArrayList<>();
        for (ConfStatement s : context.visible(vs.children())) {
            if (settings.take(s, context)) {
                continue;
            }
            switch (s.keyword()) {
                case "lvs_sched", "lb_algo" -> {
                    try {
                        scheduler = Scheduler.fromWireName(String.valueOf(s.arg(0)).toLowerCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        context.issue(s, Kind.INVALID, "'" + s.arg(0) + "' is not an IPVS scheduler; wlc is used");
                    }
                }
                case "lvs_method", "lb_kind" -> forwarding = method(s, forwarding);
                case "protocol" -> protocol = protocol(s, protocol);
                case "persistence_timeout" -> persistenceTimeout = s.arg(0) == null
                        ? Integer.valueOf(DEFAULT_PERSISTENCE_SECONDS) : context.integer(s, 0, 1, Integer.MAX_VALUE);
                case "persistence_granularity" -> granularity = s.arg(0);
                case "sorry_server" -> sorry = sorry(s, targets.get(0).port());
                case "ip_family" -> family = s.arg(0);
                case "sh-port" -> flags.add(SchedulerFlag.SH_PORT);
                case "sh-fallback" -> flags.add(SchedulerFlag.SH_FALLBACK);
                case "mh-port" -> flags.add(SchedulerFlag.MH_PORT);
                case "mh-fallback" -> flags.add(SchedulerFlag.MH_FALLBACK);
                case "flag-1", "flag-2" -> numberedFlags.add(s.keyword());
                case "flag-3" -> context.issue(s, Kind.UNSUPPORTED, "flag-3 means nothing to the sh and mh schedulers"
                        + " and Ballast offers no other flags; dropped");
                case "real_server" -> realServers.add(s);
                default -> other(s, "virtual_server");
            }
        }
        // ipvsadm's flag-1 and flag-2 are the fallback and port flags of the hashing schedulers.
        for (String flag : numberedFlags) {
            boolean one = flag.equals("flag-1");
            if (scheduler == Scheduler.SH) {
                flags.add(one ? SchedulerFlag.SH_FALLBACK : SchedulerFlag.SH_PORT);
            } else if (scheduler == Scheduler.MH) {
                flags.add(one ? SchedulerFlag.MH_FALLBACK : SchedulerFlag.MH_PORT);
            }
        }
        Persistence persistence = persistenceTimeout == null ? null : new Persistence(persistenceTimeout, granularity);
        if (persistenceTimeout == null && granularity != null) {
            context.issue(vs, "persistence_granularity", Kind.NOT_MAPPED,
                    "persistence_granularity without persistence_timeout does nothing; dropped");
        }
        RealServers servers = realServers(realServers, forwarding, settings, targets.get(0));
        List<VirtualService> services = new ArrayList<>();
        for (Target target : targets) {
            String serviceFamily = null;
            if (target.mark() != null) {
                serviceFamily = target.family() != null ? target.family() : family;
                if (serviceFamily == null) {
                    boolean v6 = !servers.list.isEmpty() && servers.list.get(0).address().contains(":");
                    serviceFamily = v6 ? "inet6" : "inet";
                }
            }
            services.add(new VirtualService(target.label(), target.mark() == null ? protocol : null, target.address(),
                    target.port(), target.mark(), serviceFamily, scheduler, flags, persistence, forwarding, sorry,
                    servers.check, servers.list));
        }
        return services;
    }

    private record RealServers(List<RealServer> list, HealthCheck check) {
    }

    private RealServers realServers(List<ConfStatement> blocks, ForwardingMethod serviceMethod, CheckerSettings vsSettings,
                                    Target target) {
        List<RealServer> list = new ArrayList<>();
        List<ServiceCheckMerger.Candidate> candidates = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (ConfStatement rs : blocks) {
            String address = rs.arg(0) == null ? null : stripBrackets(rs.arg(0));
            if (address == null || !Addresses.isLiteral(address)) {
                context.issue(rs, Kind.INVALID, "'" + rs.arg(0) + "' is not an IP address; the real server is dropped");
                continue;
            }
            Integer port = rs.arg(1) == null ? Integer.valueOf(target.port()) : context.integer(rs, 1, 0, 65535);
            if (port == null) {
                continue;
            }
            if (!seen.add(Addresses.endpoint(Addresses.canonical(address), port))) {
                context.issue(rs, Kind.INVALID, "real server " + Addresses.endpoint(address, port) + " appears twice in"
                        + " this service; the first one is kept");
                continue;
            }
            int weight = 1;
            ForwardingMethod method = null;
            int upper = 0;
            int lower = 0;
            CheckerSettings settings = vsSettings.copy();
            List<ConfStatement> checks = new ArrayList<>();
            for (ConfStatement s : context.visible(rs.children())) {
                if (settings.take(s, context)) {
                    continue;
                }
                switch (s.keyword()) {
                    case "weight" -> weight = orElse(context.integer(s, 0, 0, 65535), weight);
                    case "lvs_method", "lb_kind" -> {
                        ForwardingMethod m = method(s, serviceMethod);
                        method = m == serviceMethod ? null : m;
                    }
                    case "uthreshold" -> upper = orElse(context.integer(s, 0, 0, Integer.MAX_VALUE), upper);
                    case "lthreshold" -> lower = orElse(context.integer(s, 0, 0, Integer.MAX_VALUE), lower);
                    case "notify_up", "notify_down" -> context.notMapped(s,
                            "Ballast reports a real server's health changes as events; the script is not run");
                    default -> {
                        if (CheckerImport.SUPPORTED.contains(s.keyword())) {
                            checks.add(s);
                        } else if (CheckerImport.UNSUPPORTED.contains(s.keyword())) {
                            context.issue(s, Kind.UNSUPPORTED, "Ballast has no " + s.keyword() + "; the real server is"
                                    + " imported without this check (add a tcp, http, https or script check instead)");
                        } else {
                            other(s, "real_server");
                        }
                    }
                }
            }
            HealthCheck check = null;
            ConfStatement checkLine = null;
            for (ConfStatement c : checks) {
                if (checkLine != null) {
                    context.issue(c, Kind.APPROXIMATED, "Ballast runs one check per real server; the "
                            + checkLine.keyword() + " on " + ImportContext.where(checkLine, c) + " is kept, this one dropped");
                    continue;
                }
                check = checkers.read(c, settings);
                checkLine = check == null ? null : c;
            }
            candidates.add(new ServiceCheckMerger.Candidate(rs, checkLine, check,
                    Boolean.TRUE.equals(settings.inhibitOnFailure) ? FailAction.QUIESCE : FailAction.REMOVE));
            list.add(new RealServer(null, Addresses.canonical(address), port, weight, method, upper, lower, null, null));
        }
        return new RealServers(list, new ServiceCheckMerger(context).merge(candidates));
    }

    private List<Target> targets(ConfStatement vs) {
        String first = vs.arg(0);
        if ("fwmark".equals(first)) {
            Integer mark = context.integer(vs, 1, 1, 0xFFFFFFFFL);
            return mark == null ? List.of() : List.of(new Target(null, 0, mark, null, null));
        }
        if ("group".equals(first)) {
            ConfStatement group = groups.get(vs.arg(1));
            if (group == null) {
                context.issue(vs, Kind.INVALID, "no virtual_server_group named '" + vs.arg(1) + "'; the service is dropped");
                return List.of();
            }
            usedGroups.add(vs.arg(1));
            return groupTargets.computeIfAbsent(vs.arg(1), name -> groupTargets(group));
        }
        String address = first == null ? null : stripBrackets(first);
        if (address == null || !Addresses.isLiteral(address)) {
            context.issue(vs, Kind.INVALID, "'" + first + "' is not an IP address, 'fwmark N' or 'group NAME';"
                    + " the service is dropped");
            return List.of();
        }
        Integer port = vs.arg(1) == null ? Integer.valueOf(0) : context.integer(vs, 1, 0, 65535);
        return port == null ? List.of() : List.of(new Target(Addresses.canonical(address), port, null, null, null));
    }

    private List<Target> groupTargets(ConfStatement group) {
        String name = group.arg(0);
        Map<String, Target> targets = new LinkedHashMap<>();
        for (ConfStatement member : context.visible(group.children())) {
            if (member.keyword().equals("fwmark")) {
                Integer mark = context.integer(member, 0, 1, 0xFFFFFFFFL);
                if (mark != null) {
                    targets.put("fwm/" + mark, new Target(null, 0, mark, member.arg(1), name));
                }
                continue;
            }
            Integer port = member.arg(0) == null ? Integer.valueOf(0) : context.integer(member, 0, 0, 65535);
            if (port == null) {
                continue;
            }
            try {
                for (String address : AddressRanges.expand(stripBrackets(member.keyword()))) {
                    targets.put(address + "/" + port, new Target(address, port, null, null, name));
                }
            } catch (IllegalArgumentException e) {
                context.issue(member, Kind.INVALID, e.getMessage() + "; the member is dropped");
            }
        }
        return List.copyOf(targets.values());
    }

    /** Groups no virtual_server uses configure nothing; say so. */
    void reportUnusedGroups() {
        for (Map.Entry<String, ConfStatement> group : groups.entrySet()) {
            if (!usedGroups.contains(group.getKey())) {
                context.notMapped(group.getValue(), "no virtual_server uses this group; nothing was imported from it");
            }
        }
    }

    private ForwardingMethod method(ConfStatement s, ForwardingMethod fallback) {
        String word = String.valueOf(s.arg(0)).toUpperCase(Locale.ROOT);
        switch (word) {
            case "NAT" -> {
                return ForwardingMethod.NAT;
            }
            case "DR" -> {
                return ForwardingMethod.DR;
            }
            case "TUN" -> {
                if (s.args().size() > 1) {
                    context.issue(s, Kind.APPROXIMATED, "Ballast tunnels with ipip; the tunnel options '"
                            + String.join(" ", s.args().subList(1, s.args().size())) + "' are dropped");
                }
                return ForwardingMethod.TUN;
            }
            default -> {
                context.issue(s, Kind.INVALID, "'" + s.arg(0) + "' is not NAT, DR or TUN; " + fallback.name() + " is used");
                return fallback;
            }
        }
    }

    private Protocol protocol(ConfStatement s, Protocol fallback) {
        try {
            return Protocol.valueOf(String.valueOf(s.arg(0)).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            context.issue(s, Kind.INVALID, "'" + s.arg(0) + "' is not TCP, UDP or SCTP; " + fallback + " is used");
            return fallback;
        }
    }

    private SorryServer sorry(ConfStatement s, int servicePort) {
        String address = s.arg(0) == null ? null : stripBrackets(s.arg(0));
        if (address == null || !Addresses.isLiteral(address)) {
            context.issue(s, Kind.INVALID, "'" + s.arg(0) + "' is not an IP address; no sorry server");
            return null;
        }
        Integer port = s.arg(1) == null ? Integer.valueOf(servicePort) : context.integer(s, 1, 0, 65535);
        return port == null ? null : new SorryServer(Addresses.canonical(address), port);
    }

    private void other(ConfStatement s, String where) {
        if (UNSUPPORTED.contains(s.keyword())) {
            context.issue(s, Kind.UNSUPPORTED, s.keyword().equals("ops")
                    ? "Ballast has no one-packet scheduling; the service is imported without it"
                    : "Ballast has no quorum scripts; the script is not run");
        } else if (NOT_MAPPED.containsKey(s.keyword())) {
            context.notMapped(s, NOT_MAPPED.get(s.keyword()) + "; dropped");
        } else {
            context.notMapped(s, "not a " + where + " option Ballast knows; dropped");
        }
    }

    private static int orElse(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static String stripBrackets(String address) {
        return address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
    }
}
