package io.ballast.agent.dataplane.nftables;

import io.ballast.model.Persistence;
import io.ballast.model.RealServer;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.VirtualService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules that choose a real server for a new connection, one scheduler at a time. Only eligible
 * servers (active, weight above zero) get slots: a drained server keeps its chain, its counter and
 * its established connections, but no new ones.
 */
final class ServiceDispatch {

    /** Fixed so that every director (and every re-render) hashes a client to the same slot. */
    static final String SEED = "0x62616c61";

    private final int maxSlots;

    ServiceDispatch(int maxSlots) {
        this.maxSlots = maxSlots;
    }

    /** The service chain's rules after its counter: persistence look-ups, then the scheduler's choice. */
    List<String> rules(InstalledService installed) {
        VirtualService service = installed.service();
        List<String> rules = new ArrayList<>();
        if ((service.firewallMark() != null)) {
            // A mark service is one family; a packet of the other family is not its business.
            rules.add("meta nfproto != " + (service.isIpv6() ? "ipv6" : "ipv4") + " return");
        }
        List<RealServer> servers = service.realServers();
        List<Integer> eligible = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            if (InstalledService.eligible(servers.get(i))) {
                eligible.add(i);
            }
        }
        if (service.persistence() != null) {
            for (int i : eligible) {
                rules.add(persistKey(service) + " @" + installed.persistSet(i) + " jump " + installed.serverChain(i));
            }
        }
        if (eligible.isEmpty()) {
            if (service.sorryServer() != null) {
                rules.add("jump " + installed.sorryChain());
            }
            return rules;
        }
        if (eligible.size() == 1) {
            rules.add("jump " + installed.serverChain(eligible.get(0)));
            return rules;
        }
        List<Integer> slots = slots(service, eligible);
        String selector = switch (service.scheduler()) {
            case RR, WRR -> "numgen inc mod " + slots.size();
            case SH -> "jhash " + sourceHashKey(service, SchedulerFlag.SH_PORT) + " mod " + slots.size() + " seed " + SEED;
            case MH -> "jhash " + sourceHashKey(service, SchedulerFlag.MH_PORT) + " mod " + slots.size() + " seed " + SEED;
            case DH -> "jhash " + family(service) + " daddr mod " + slots.size() + " seed " + SEED;
            default -> throw new IllegalArgumentException(NftCapabilities.refusal(service));
        };
        StringBuilder vmap = new StringBuilder(selector).append(" vmap { ");
        for (int slot = 0; slot < slots.size(); slot++) {
            vmap.append(slot == 0 ? "" : ", ").append(slot).append(" : jump ").append(installed.serverChain(slots.get(slot)));
        }
        rules.add(vmap.append(" }").toString());
        return rules;
    }

    /** Positions into the service's real servers, one per slot. */
    private List<Integer> slots(VirtualService service, List<Integer> eligible) {
        List<RealServer> servers = service.realServers();
        int[] weights = new int[eligible.size()];
        List<String> names = new ArrayList<>();
        for (int e = 0; e < eligible.size(); e++) {
            RealServer server = servers.get(eligible.get(e));
            // rr ignores weights, as IPVS's rr does.
            weights[e] = service.scheduler() == io.ballast.model.Scheduler.RR ? 1 : server.weight();
            names.add(server.key());
        }
        List<Integer> slots = new ArrayList<>();
        if (service.scheduler() == io.ballast.model.Scheduler.MH) {
            for (int entry : SlotTables.maglev(names, weights, Integer.MAX_VALUE)) {
                slots.add(eligible.get(entry));
            }
        } else {
            for (int position : SlotTables.weighted(weights, maxSlots)) {
                slots.add(eligible.get(position));
            }
        }
        return slots;
    }

    /** The DNAT rule of a real server (or sorry server); port 0 keeps the client's destination port. */
    String dnat(VirtualService service, String address, int port) {
        String target = service.isIpv6() ? "ip6" : "ip";
        if (port == 0) {
            return "dnat " + target + " to " + address;
        }
        String endpoint = address.contains(":") ? "[" + address + "]:" + port : address + ":" + port;
        String proto = service.protocol() == null ? "{ tcp, udp }" : service.protocol().name().toLowerCase(Locale.ROOT);
        return "meta l4proto " + proto + " dnat " + target + " to " + endpoint;
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

    private static String sourceHashKey(VirtualService service, SchedulerFlag portFlag) {
        String key = family(service) + " saddr";
        if (service.schedulerFlags().contains(portFlag) && service.protocol() != null) {
            key += " . " + service.protocol().name().toLowerCase(Locale.ROOT) + " sport";
        }
        return key;
    }

    private static String family(VirtualService service) {
        return service.isIpv6() ? "ip6" : "ip";
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
