package io.ballast.agent.dataplane.nftables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared slot maps: every service's slots live in a map shared with other services of its family
 * and protocol, keyed by number, each service owning the range from {@link #base}. Shared maps instead
 * of an anonymous map per service: nft fetches every set of the ruleset before each transaction, and a
 * weight change rewrites only the slots that changed. Not one map for all: the kernel walks every
 * element of a map each time a rule starts using it (binding check), ~40 ms of CPU at 200,000 slots,
 * and a weight change rewrites the service's rules. So services are spread over {@link #SHARDS} maps
 * per kind ({@code slotst4_0} … {@code slotst4_63}), made when first needed and then kept.
 */
final class SlotMaps {

    /**
     * Name → {@code typeof} of the value: address . port for TCP ({@code t}) and UDP ({@code u}) — nft 1.0.6
     * takes the port's type from {@code typeof tcp dport} and then refuses the map for any other
     * protocol — and the address alone ({@code a}: port 0 servers keep the client's port).
     */
    static final Map<String, String> KINDS = new TreeMap<>(Map.of(
            "slotst4", "ip daddr . tcp dport", "slotsu4", "ip daddr . udp dport", "slotsa4", "ip daddr",
            "slotst6", "ip6 daddr . tcp dport", "slotsu6", "ip6 daddr . udp dport", "slotsa6", "ip6 daddr"));

    /** Each service owns this many keys; maxSlots (≤ 65,536) and Maglev sizes (≤ 65,521) fit. */
    static final long BLOCK = 1L << 16;

    /** Maps per kind: ~3,000 slots each at 2,277 services, while 6 × 64 named sets cost nft ~1 ms to fetch. */
    static final int SHARDS = 64;

    private static final Pattern NAME = Pattern.compile("(slots[tua][46])_(\\d+)");

    private SlotMaps() {
    }

    /**
     * The first key of a service's slot range. Only the low 16 bits of its number count, so keys stay
     * within nft's 32-bit integers; the plane never gives two live services numbers that share them.
     */
    static long base(int id) {
        return (id & 0xffffL) * BLOCK;
    }

    /** The map of this kind ({@code slotst4} …) that service number {@code id} keeps its slots in. */
    static String name(String kind, int id) {
        return kind + "_" + Math.floorMod(id, SHARDS);
    }

    static boolean isSlotMap(String name) {
        return NAME.matcher(name).matches();
    }

    /**
     * The maps a service's rules use, declared (before the rules: nft refuses a rule naming a map that is
     * not there). Keys are numbers: {@code typeof numgen} (nft 1.0.6 refuses {@code type mark} for a
     * numgen key). {@code add map} of a map that exists with the same definition changes nothing.
     */
    static List<String> declarations(String table, ServiceDispatch.Choice choice) {
        List<String> lines = new ArrayList<>();
        for (String map : choice.slots().keySet()) {
            Matcher name = NAME.matcher(map);
            if (!name.matches()) {
                throw new IllegalArgumentException("not a slot map: " + map);
            }
            lines.add("add map inet " + table + " " + map + " { typeof numgen inc mod 2 : " + KINDS.get(name.group(1)) + " ; }");
        }
        return lines;
    }

    /**
     * Only the slots that differ: deleted where gone or changed, then added where new or changed, one
     * command per map and verb. A weight change at 16 servers touches a few slots, not the whole range.
     */
    static List<String> changes(String table, ServiceDispatch.Choice before, ServiceDispatch.Choice after) {
        Set<String> maps = new TreeSet<>(before.slots().keySet());
        maps.addAll(after.slots().keySet());
        List<String> deletes = new ArrayList<>();
        List<String> adds = new ArrayList<>();
        for (String map : maps) {
            Map<Long, String> old = before.slots().getOrDefault(map, Map.of());
            Map<Long, String> now = after.slots().getOrDefault(map, Map.of());
            StringBuilder deleted = new StringBuilder();
            for (Map.Entry<Long, String> slot : old.entrySet()) {
                if (!slot.getValue().equals(now.get(slot.getKey()))) {
                    deleted.append(deleted.isEmpty() ? "" : ", ").append(slot.getKey());
                }
            }
            if (!deleted.isEmpty()) {
                deletes.add("delete element inet " + table + " " + map + " { " + deleted + " }");
            }
            StringBuilder added = new StringBuilder();
            for (Map.Entry<Long, String> slot : now.entrySet()) {
                if (!slot.getValue().equals(old.get(slot.getKey()))) {
                    added.append(added.isEmpty() ? "" : ", ").append(slot.getKey()).append(" : ").append(slot.getValue());
                }
            }
            if (!added.isEmpty()) {
                adds.add("add element inet " + table + " " + map + " { " + added + " }");
            }
        }
        deletes.addAll(adds);
        return deletes;
    }
}
