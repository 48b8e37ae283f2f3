package io.ballast.agent.dataplane.ipvs;

import io.ballast.model.Addresses;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.Persistence;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the kernel table from {@code ipvsadm -Ln --exact} and {@code ipvsadm -Ln --exact --thresholds}
 * (ipvsadm prints thresholds only in the second form, in place of forwarding and weight). Every real
 * server comes back with its forwarding spelled out; names, health checks and sorry servers are not the
 * kernel's and are absent. A line the parser does not understand is an error naming its number.
 */
public final class IpvsTableParser {

    private IpvsTableParser() {
    }

    /** One table line that starts a service, reduced to the service's identity and settings. */
    record ServiceLine(VirtualService service, int lineNumber) {
    }

    /** A destination line: endpoint and the four columns after it (forward, weight, active, inactive). */
    record DestinationLine(String address, int port, String[] columns, int lineNumber) {
    }

    /** The table of a plain listing, with thresholds taken from the thresholds listing (may be null). */
    public static List<VirtualService> parse(String listing, String thresholdsListing) {
        Map<String, int[]> thresholds = thresholdsListing == null ? Map.of() : thresholds(thresholdsListing);
        Map<ServiceKey, VirtualService> services = new LinkedHashMap<>();
        Map<ServiceKey, List<RealServer>> servers = new LinkedHashMap<>();
        ServiceKey current = null;
        String[] lines = listing.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (isHeader(line)) {
                continue;
            }
            if (line.startsWith("  ->")) {
                if (current == null) {
                    throw new IllegalArgumentException("ipvsadm listing line " + (i + 1)
                            + ": a destination before any service: '" + line + "'");
                }
                DestinationLine dest = destination(line, i + 1);
                int[] limits = thresholds.getOrDefault(current + " " + Addresses.endpoint(dest.address(), dest.port()),
                        new int[] {0, 0});
                servers.get(current).add(new RealServer(null, dest.address(), dest.port(),
                        number(dest.columns()[1], line, i + 1), forwarding(dest.columns()[0], line, i + 1),
                        limits[0], limits[1], null, null));
            } else {
                VirtualService service = service(line, i + 1);
                current = service.key();
                services.put(current, service);
                servers.put(current, new ArrayList<>());
            }
        }
        List<VirtualService> table = new ArrayList<>(services.size());
        for (Map.Entry<ServiceKey, VirtualService> entry : services.entrySet()) {
            table.add(entry.getValue().withRealServers(servers.get(entry.getKey())));
        }
        return table;
    }

    /** "service-key endpoint" → {upper, lower} from {@code --thresholds}. */
    static Map<String, int[]> thresholds(String listing) {
        Map<String, int[]> out = new LinkedHashMap<>();
        ServiceKey current = null;
        String[] lines = listing.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (isHeader(line)) {
                continue;
            }
            if (line.startsWith("  ->")) {
                DestinationLine dest = destination(line, i + 1);
                out.put(current + " " + Addresses.endpoint(dest.address(), dest.port()), new int[] {
                        number(dest.columns()[0], line, i + 1), number(dest.columns()[1], line, i + 1)});
            } else {
                current = service(line, i + 1).key();
            }
        }
        return out;
    }

    static boolean isHeader(String line) {
        return line.isBlank() || line.startsWith("IP Virtual Server") || line.startsWith("Prot ")
                || line.startsWith("  -> RemoteAddress");
    }

    /** "TCP  192.0.2.1:80 wrr", "FWM  7 IPv6 sh (sh-port) persistent 300 mask 64", "SCTP [2001:db8::1]:80 mh". */
    static VirtualService service(String line, int lineNumber) {
        String[] words = line.trim().split("\\s+");
        int at = 0;
        String kind = words[at++];
        Protocol protocol = null;
        String address = null;
        int port = 0;
        Integer mark = null;
        String family = null;
        try {
            if (kind.equals("FWM")) {
                mark = fwmark(words[at++]);
                family = "inet";
                if (words[at].equals("IPv6")) {
                    family = "inet6";
                    at++;
                }
            } else {
                protocol = Protocol.valueOf(kind);
                String[] endpoint = Addresses.splitEndpoint(words[at++]);
                address = endpoint[0];
                port = Integer.parseInt(endpoint[1]);
            }
            Scheduler scheduler = Scheduler.fromWireName(words[at++]);
            Set<SchedulerFlag> flags = EnumSet.noneOf(SchedulerFlag.class);
            Persistence persistence = null;
            while (at < words.length) {
                String word = words[at++];
                if (word.startsWith("(")) {
                    for (String flag : word.substring(1, word.length() - 1).split(",")) {
                        flags.add(flag(flag, scheduler));
                    }
                } else if (word.equals("persistent")) {
                    persistence = new Persistence(Integer.parseInt(words[at++]), null);
                } else if (word.equals("mask")) {
                    persistence = new Persistence(persistence.timeoutSeconds(), words[at++]);
                } else if (word.equals("pe")) {
                    at++; // a persistence engine (sip) is not part of a Ballast spec; "ops" neither
                }
            }
            return new VirtualService(null, protocol, address, port, mark, family, scheduler, flags, persistence,
                    null, null, null, List.of());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("ipvsadm listing line " + lineNumber + ": cannot read service '"
                    + line.trim() + "' (" + e.getMessage() + ")", e);
        }
    }

    static DestinationLine destination(String line, int lineNumber) {
        String[] words = line.trim().split("\\s+");
        if (words.length < 4) {
            throw new IllegalArgumentException("ipvsadm listing line " + lineNumber
                    + ": a destination needs an address and columns: '" + line.trim() + "'");
        }
        String[] endpoint = Addresses.splitEndpoint(words[1]);
        String[] columns = new String[words.length - 2];
        System.arraycopy(words, 2, columns, 0, columns.length);
        return new DestinationLine(endpoint[0], number(endpoint[1], line, lineNumber), columns, lineNumber);
    }

    static ForwardingMethod forwarding(String word, String line, int lineNumber) {
        switch (word) {
            case "Masq":
            case "Local": // a destination on the director itself: the kernel delivers it locally whatever was asked
                return ForwardingMethod.NAT;
            case "Route":
                return ForwardingMethod.DR;
            case "Tunnel":
                return ForwardingMethod.TUN;
            default:
                throw new IllegalArgumentException("ipvsadm listing line " + lineNumber + ": unknown forwarding '"
                        + word + "' in '" + line.trim() + "'");
        }
    }

    private static SchedulerFlag flag(String word, Scheduler scheduler) {
        // Old ipvsadm prints the generic names flag-1 and flag-2 (fallback and port for both sh and mh).
        String name = word.toLowerCase(Locale.ROOT);
        String prefix = scheduler == Scheduler.MH ? "mh-" : "sh-";
        if (name.equals("flag-1")) {
            name = prefix + "fallback";
        } else if (name.equals("flag-2")) {
            name = prefix + "port";
        }
        for (SchedulerFlag flag : SchedulerFlag.values()) {
            if (flag.wireName().equals(name)) {
                return flag;
            }
        }
        throw new IllegalArgumentException("unknown scheduler flag '" + word + "'");
    }

    static int number(String text, String line, int lineNumber) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ipvsadm listing line " + lineNumber + ": '" + text
                    + "' is not a number in '" + line.trim() + "'");
        }
    }

    /**
     * A firewall mark is an unsigned 32-bit number; read it whether ipvsadm printed it unsigned or, as a
     * C int, negative, and keep its bits.
     */
    static int fwmark(String text) {
        long value = Long.parseLong(text);
        if (value < Integer.MIN_VALUE || value > 0xffff_ffffL) {
            throw new NumberFormatException("firewall mark " + text + " is outside 32 bits");
        }
        return (int) value;
    }
}
