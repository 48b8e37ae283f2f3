package io.ballast.model.keepalived;

import io.ballast.model.Addresses;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.Persistence;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;
import io.ballast.model.keepalived.ImportIssue.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The output of {@code ipvsadm-save -n} (or {@code ipvsadm -Sn}) to Ballast virtual services: one
 * {@code -A} line per service, one {@code -a} line per real server, short or long options. Every
 * line or option that cannot be used is reported with its line number; nothing is dropped silently.
 * Health checks are not part of a kernel table, so the services come without them.
 */
public final class IpvsadmSaveImporter {

    /** ipvsadm's persistence timeout when -p has no value. */
    static final int DEFAULT_PERSISTENCE_SECONDS = 300;

    private IpvsadmSaveImporter() {
    }

    public static IpvsadmSaveImport importSave(String name, String text) {
        return new Reader(name).read(text);
    }

    private static final class ServiceDraft {
        ServiceKey key;
        String family;
        Scheduler scheduler = Scheduler.WLC;
        Set<SchedulerFlag> flags = EnumSet.noneOf(SchedulerFlag.class);
        List<String> numberedFlags = new ArrayList<>();
        Persistence persistence;
        final List<RealServer> servers = new ArrayList<>();
    }

    private static final class Reader {
        private final String file;
        private final List<ImportIssue> issues = new ArrayList<>();
        private final Map<ServiceKey, ServiceDraft> services = new LinkedHashMap<>();
        private int line;

        Reader(String file) {
            this.file = file;
        }

        IpvsadmSaveImport read(String text) {
            String[] lines = text.split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                line = i + 1;
                String content = lines[i].strip();
                if (content.isEmpty() || content.startsWith("#")) {
                    continue;
                }
                List<String> words = List.of(content.split("\\s+"));
                switch (words.get(0)) {
                    case "-A", "--add-service" -> addService(words);
                    case "-a", "--add-server" -> addServer(words);
                    default -> issue(words.get(0), Kind.NOT_MAPPED, "only -A (service) and -a (real server) lines describe"
                            + " a table; this line is not used");
                }
            }
            List<VirtualService> result = new ArrayList<>();
            for (ServiceDraft draft : services.values()) {
                result.add(build(draft));
            }
            return new IpvsadmSaveImport(result, new ImportReport(issues));
        }

        private void addService(List<String> words) {
            ServiceDraft draft = new ServiceDraft();
            Integer persistTimeout = null;
            String netmask = null;
            for (int i = 1; i < words.size(); i++) {
                String option = words.get(i);
                String value = i + 1 < words.size() ? words.get(i + 1) : null;
                switch (option) {
                    case "-t", "--tcp-service", "-u", "--udp-service", "--sctp-service" -> {
                        draft.key = key(option, value);
                        i++;
                    }
                    case "-f", "--fwmark-service" -> {
                        draft.key = mark(value);
                        i++;
                    }
                    case "-6", "--ipv6" -> draft.family = "inet6";
                    case "-s", "--scheduler" -> {
                        try {
                            draft.scheduler = Scheduler.fromWireName(String.valueOf(value));
                        } catch (IllegalArgumentException e) {
                            issue(option, Kind.INVALID, "'" + value + "' is not an IPVS scheduler; wlc is used");
                        }
                        i++;
                    }
                    case "-p", "--persistent" -> {
                        persistTimeout = DEFAULT_PERSISTENCE_SECONDS;
                        if (value != null && value.matches("\\d+")) {
                            persistTimeout = Integer.parseInt(value);
                            i++;
                        }
                    }
                    case "-M", "--netmask" -> {
                        netmask = value;
                        i++;
                    }
                    case "-b", "--sched-flags" -> {
                        flags(draft, String.valueOf(value));
                        i++;
                    }
                    case "-o", "--ops", "ops" -> issue(option, Kind.UNSUPPORTED,
                            "Ballast has no one-packet scheduling; the service is imported without it");
                    case "pe", "--pe" -> {
                        issue(option, Kind.NOT_MAPPED, "Ballast has no persistence engines ('" + value + "'); dropped");
                        i++;
                    }
                    default -> issue(option, Kind.NOT_MAPPED, "not a service option Ballast knows; dropped");
                }
            }
            if (draft.key == null) {
                issue("-A", Kind.INVALID, "the line names no service (-t, -u, --sctp-service or -f); it is dropped");
                return;
            }
            if (services.containsKey(draft.key)) {
                issue("-A", Kind.INVALID, "service " + draft.key + " is added a second time; the first one is kept");
                return;
            }
            if (persistTimeout != null) {
                draft.persistence = new Persistence(persistTimeout, netmask);
            } else if (netmask != null) {
                issue("-M", Kind.NOT_MAPPED, "a netmask without -p does nothing; dropped");
            }
            if (draft.key.isFirewallMark() && draft.family == null) {
                draft.family = "inet";
            }
            services.put(draft.key, draft);
        }

        private void addServer(List<String> words) {
            ServiceKey key = null;
            String address = null;
            int port = 0;
            ForwardingMethod method = ForwardingMethod.DR; // ipvsadm's default is gatewaying
            int weight = 1;
            int upper = 0;
            int lower = 0;
            for (int i = 1; i < words.size(); i++) {
                String option = words.get(i);
                String value = i + 1 < words.size() ? words.get(i + 1) : null;
                switch (option) {
                    case "-t", "--tcp-service", "-u", "--udp-service", "--sctp-service" -> {
                        key = key(option, value);
                        i++;
                    }
                    case "-f", "--fwmark-service" -> {
                        key = mark(value);
                        i++;
                    }
                    case "-6", "--ipv6" -> {
                        // the family of a mark service is set by its -A line
                    }
                    case "-r", "--real-server" -> {
                        String[] endpoint = endpoint(value);
                        if (endpoint != null) {
                            address = endpoint[0];
                            port = Integer.parseInt(endpoint[1]);
                        }
                        i++;
                    }
                    case "-g", "--gatewaying" -> method = ForwardingMethod.DR;
                    case "-i", "--ipip" -> method = ForwardingMethod.TUN;
                    case "-m", "--masquerading" -> method = ForwardingMethod.NAT;
                    case "-w", "--weight" -> {
                        weight = number(option, value, 0, 65535, weight);
                        i++;
                    }
                    case "-x", "--u-threshold" -> {
                        upper = number(option, value, 0, Integer.MAX_VALUE, upper);
                        i++;
                    }
                    case "-y", "--l-threshold" -> {
                        lower = number(option, value, 0, Integer.MAX_VALUE, lower);
                        i++;
                    }
                    case "--tun-type", "--tun-port" -> {
                        issue(option, Kind.APPROXIMATED, "Ballast tunnels with ipip; '" + option + " " + value + "' is dropped");
                        i++;
                    }
                    case "--tun-nocsum", "--tun-csum", "--tun-remcsum" -> issue(option, Kind.APPROXIMATED,
                            "Ballast tunnels with ipip; the checksum option is dropped");
                    default -> issue(option, Kind.NOT_MAPPED, "not a real-server option Ballast knows; dropped");
                }
            }
            if (key == null || address == null) {
                issue("-a", Kind.INVALID, "the line needs a service and a real server (-r); it is dropped");
                return;
            }
            ServiceDraft draft = services.get(key);
            if (draft == null) {
                issue("-a", Kind.INVALID, "service " + key + " has no -A line before this one; the real server is dropped");
                return;
            }
            draft.servers.add(new RealServer(null, address, port, weight, method, upper, lower, null, null));
        }

        private VirtualService build(ServiceDraft draft) {
            // The service's default method is the one most of its servers use; the others keep their own.
            Map<ForwardingMethod, Integer> votes = new EnumMap<>(ForwardingMethod.class);
            draft.servers.forEach(s -> votes.merge(s.forwarding(), 1, Integer::sum));
            ForwardingMethod common = votes.entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).orElse(ForwardingMethod.DR);
            List<RealServer> servers = new ArrayList<>();
            for (RealServer s : draft.servers) {
                servers.add(new RealServer(null, s.address(), s.port(), s.weight(),
                        s.forwarding() == common ? null : s.forwarding(), s.upperThreshold(), s.lowerThreshold(), null, null));
            }
            for (String flag : draft.numberedFlags) {
                boolean one = flag.equals("flag-1");
                if (draft.scheduler == Scheduler.SH) {
                    draft.flags.add(one ? SchedulerFlag.SH_FALLBACK : SchedulerFlag.SH_PORT);
                } else if (draft.scheduler == Scheduler.MH) {
                    draft.flags.add(one ? SchedulerFlag.MH_FALLBACK : SchedulerFlag.MH_PORT);
                }
            }
            ServiceKey key = draft.key;
            return new VirtualService(null, key.protocol(), key.address(), key.port(), key.firewallMark(),
                    key.isFirewallMark() ? draft.family : null, draft.scheduler, draft.flags, draft.persistence, common,
                    null, null, servers);
        }

        private void flags(ServiceDraft draft, String list) {
            for (String flag : list.split(",")) {
                switch (flag) {
                    case "sh-fallback" -> draft.flags.add(SchedulerFlag.SH_FALLBACK);
                    case "sh-port" -> draft.flags.add(SchedulerFlag.SH_PORT);
                    case "mh-fallback" -> draft.flags.add(SchedulerFlag.MH_FALLBACK);
                    case "mh-port" -> draft.flags.add(SchedulerFlag.MH_PORT);
                    case "flag-1", "flag-2" -> draft.numberedFlags.add(flag);
                    default -> issue("-b", Kind.UNSUPPORTED, "the scheduler flag '" + flag + "' is not one Ballast offers; dropped");
                }
            }
        }

        private ServiceKey key(String option, String value) {
            Protocol protocol = option.equals("-t") || option.equals("--tcp-service") ? Protocol.TCP
                    : option.equals("--sctp-service") ? Protocol.SCTP : Protocol.UDP;
            String[] endpoint = endpoint(value);
            return endpoint == null ? null : ServiceKey.of(protocol, endpoint[0], Integer.parseInt(endpoint[1]));
        }

        private ServiceKey mark(String value) {
            try {
                long mark = Long.parseLong(String.valueOf(value));
                if (mark >= 1 && mark <= 0xFFFFFFFFL) {
                    return ServiceKey.ofMark((int) mark);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            issue("-f", Kind.INVALID, "'" + value + "' is not a firewall mark (1 to 4294967295)");
            return null;
        }

        /** [address, port] of "a.b.c.d:p" or "[v6]:p"; null after reporting a name or a malformed value. */
        private String[] endpoint(String value) {
            try {
                String[] parts = Addresses.splitEndpoint(String.valueOf(value));
                int port = Integer.parseInt(parts[1]);
                if (Addresses.isLiteral(parts[0]) && port >= 0 && port <= 65535) {
                    return new String[] {Addresses.canonical(parts[0]), String.valueOf(port)};
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            issue(String.valueOf(value), Kind.INVALID, "'" + value + "' is not a numeric address:port (save with"
                    + " ipvsadm-save -n so names are not resolved)");
            return null;
        }

        private int number(String option, String value, long min, long max, int fallback) {
            try {
                long n = Long.parseLong(String.valueOf(value));
                if (n >= min && n <= max) {
                    return (int) n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            issue(option, Kind.INVALID, "'" + value + "' is not a number between " + min + " and " + max
                    + "; " + fallback + " is used");
            return fallback;
        }

        private void issue(String keyword, Kind kind, String reason) {
            issues.add(new ImportIssue(file, line, keyword, kind, reason));
        }
    }
}
