package io.ballast.agent.dataplane.nftables;

import io.ballast.model.Addresses;
import io.ballast.model.Persistence;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.VirtualService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rules and keys that choose a real server for a new connection. Only eligible servers (active,
 * weight above zero) get slots: a drained server keeps its record and counter and its established
 * connections, but no new ones. The choice DNATs straight from the service's key range of a shared
 * slot map ({@code dnat ip addr . port to numgen inc mod N offset BASE map @slots4}).
 */
final class ServiceDispatch {

    /** Fixed so that every director (and every re-render) hashes a client to the same slot. */
    static final String SEED = "0x62616c61";

    private final int maxSlots;

    ServiceDispatch(int maxSlots) {
        this.maxSlots = maxSlots;
    }

    /**
     * The service chain's rules after its record (family guard, persistence, the scheduler's choice)
     * and the elements its choice needs in a shared slot map.
     *
     * @param slots shared slot map → slot key → value as nft writes it ({@code 198.51.100.11 . 80}, or
     *              the address alone); empty when the service has no slots
     */
    record Choice(List<String> rules, Map<String, Map<Long, String>> slots) {

        static final Choice NONE = new Choice(List.of(), Map.of());

        int slotCount() {
            return slots.values().stream().mapToInt(Map::size).sum();
        }
    }

    Choice choice(InstalledService installed) {
        VirtualService service = installed.service();
        List<String> rules = new ArrayList<>();
        if (service.firewallMark() != null) {
            // A mark service is one family; a packet of the other family is not its business.
            rules.add("meta nfproto != " + (service.isIpv6() ? "ipv6" : "ipv4") + " return");
        }
        List<RealServer> eligible = service.realServers().stream().filter(InstalledService::eligible).toList();
        if (service.persistence() != null && !eligible.isEmpty()) {
            rules.add(l4(service) + " dnat " + family(service) + " addr . port to " + persistKey(service)
                    + " map @" + installed.persistMap());
        }
        if (eligible.isEmpty()) {
            if (service.sorryServer() != null) {
                rules.add(dnat(service, service.sorryServer().address(), service.sorryServer().port()));
            }
            return new Choice(rules, Map.of());
        }
        if (eligible.size() == 1) {
            rules.add(dnat(service, eligible.get(0).address(), eligible.get(0).port()));
            return new Choice(rules, Map.of());
        }
        List<Integer> slots = slots(service, eligible);
        long base = SlotMaps.base(installed.id());
        String range = " mod " + slots.size();
        String selector = switch (service.scheduler()) {
            case RR, WRR -> "numgen inc" + range;
            case SH -> "jhash " + sourceHashKey(service, SchedulerFlag.SH_PORT) + range + " seed " + SEED;
            case MH -> "jhash " + sourceHashKey(service, SchedulerFlag.MH_PORT) + range + " seed " + SEED;
            case DH -> "jhash " + family(service) + " daddr" + range + " seed " + SEED;
            default -> throw new IllegalArgumentException(NftCapabilities.refusal(service));
        };
        boolean withPort = keepsPorts(service);
        String v = service.isIpv6() ? "6" : "4";
        Map<Long, String> elements = new LinkedHashMap<>();
        for (int slot = 0; slot < slots.size(); slot++) {
            RealServer server = eligible.get(slots.get(slot));
            String address = Addresses.canonical(server.address());
            elements.put(base + slot, withPort ? address + " . " + server.port() : address);
        }
        // One shared map instead of an anonymous map per service: nft fetches every set of the ruleset
        // before each transaction, and a weight change now rewrites only the slots that changed.
        Map<String, Map<Long, String>> maps = new LinkedHashMap<>();
        if (!withPort) {
            String map = SlotMaps.name("slotsa" + v, installed.id());
            maps.put(map, elements);
            rules.add(l4(service) + " dnat " + family(service) + " to " + selector + " offset " + base + " map @" + map);
        } else {
            List<Protocol> protocols = service.protocol() == null ? List.of(Protocol.TCP, Protocol.UDP)
                    : List.of(service.protocol());
            for (Protocol protocol : protocols) {
                String map = SlotMaps.name("slots" + (protocol == Protocol.TCP ? "t" : "u") + v, installed.id());
                maps.put(map, elements);
                rules.add("meta l4proto " + protocol.name().toLowerCase(Locale.ROOT) + " dnat " + family(service)
                        + " addr . port to " + selector + " offset " + base + " map @" + map);
            }
        }
        // A commit replaces slots while packets are in flight; one that looks a slot up under the new
        // generation may find nothing (seen as rare connection refusals while weights changed hundreds of
        // times a second). Such a packet goes to a server of the service rather than to the director's own stack.
        // The first eligible server, not slot 0's: a weight change then leaves the rule as it is (elements only).
        RealServer fallback = eligible.get(0);
        rules.add(dnat(service, fallback.address(), fallback.port()));
        return new Choice(rules, maps);
    }

    /** Real servers with port 0 keep the client's destination port (firewall-mark services). */
    static boolean keepsPorts(VirtualService service) {
        return service.realServers().stream().allMatch(s -> s.port() != 0);
    }

    /** Positions into {@code eligible}, one per slot. */
    private List<Integer> slots(VirtualService service, List<RealServer> eligible) {
        int[] weights = new int[eligible.size()];
        List<String> names = new ArrayList<>();
        for (int e = 0; e < eligible.size(); e++) {
            // rr ignores weights, as IPVS's rr does.
            weights[e] = service.scheduler() == Scheduler.RR ? 1 : eligible.get(e).weight();
            names.add(eligible.get(e).key());
        }
        List<Integer> slots = new ArrayList<>();
        if (service.scheduler() == Scheduler.MH) {
            for (int entry : SlotTables.maglev(names, weights, Integer.MAX_VALUE)) {
                slots.add(entry);
            }
        } else {
            slots.addAll(SlotTables.weighted(weights, maxSlots));
        }
        return slots;
    }

    /** The DNAT rule to one server; port 0 keeps the client's destination port. */
    String dnat(VirtualService service, String address, int port) {
        String target = family(service);
        String canonical = Addresses.canonical(address);
        if (port == 0) {
            return "dnat " + target + " to " + canonical;
        }
        return l4(service) + " dnat " + target + " to " + Addresses.endpoint(canonical, port);
    }

    /** The client's address, masked to its persistence group. */
    String persistKey(VirtualService service) {
        Persistence persistence = service.persistence();
        String saddr = family(service) + " saddr";
        String mask = persistence == null ? null : persistence.netmask();
        if (mask == null || mask.isBlank()) {
            return saddr;
        }
        if (service.isIpv6()) {
            int prefix = Integer.parseInt(mask.trim());
            return prefix >= 128 ? saddr : saddr + " and " + ipv6Mask(prefix);
        }
        return mask.equals("255.255.255.255") ? saddr : saddr + " and " + mask;
    }

    static String l4(VirtualService service) {
        return "meta l4proto " + (service.protocol() == null ? "{ tcp, udp }"
                : service.protocol().name().toLowerCase(Locale.ROOT));
    }

    static String family(VirtualService service) {
        return service.isIpv6() ? "ip6" : "ip";
    }

    private static String sourceHashKey(VirtualService service, SchedulerFlag portFlag) {
        String key = family(service) + " saddr";
        if (service.schedulerFlags().contains(portFlag) && service.protocol() != null) {
            key += " . " + service.protocol().name().toLowerCase(Locale.ROOT) + " sport";
        }
        return key;
    }

    static String ipv6Mask(int prefix) {
        StringBuilder out = new StringBuilder();
        for (int group = 0; group < 8; group++) {
            int bits = Math.max(0, Math.min(16, prefix - group * 16));
            int value = bits == 0 ? 0 : (0xffff << (16 - bits)) & 0xffff;
            out.append(group == 0 ? "" : ":").append(Integer.toHexString(value));
        }
        return out.toString();
    }
}
