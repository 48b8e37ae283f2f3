package io.ballast.agent.dataplane.nftables;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.model.RealServer;
import io.ballast.model.SorryServer;
import io.ballast.model.VirtualService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses nft's JSON listings back into Ballast's services. Only services whose every object is in place
 * come back; anything missing or foreign marks the table incomplete, and the plane then rewrites it
 * whole on its next apply.
 *
 * <p>Two ways in: {@link #parseParts} reads the current layout from listings that make nft fetch no rule
 * and no counter (chain names, set and map names, and the contents of the record, service and slot maps
 * only); {@link #parse} reads a whole {@code nft -j list table}, for the layouts before the record set,
 * whose records were rule comments.
 */
public final class NftTableReader {

    /**
     * What the kernel holds. {@code present} false: no table at all. {@code leftovers}: services
     * recognised but damaged, whose numbers a rewrite reuses. {@code epoch}: the number the plane
     * wrote with the table when it last wrote it whole, -1 if none.
     */
    public record State(boolean present, boolean complete, List<InstalledService> services,
                        List<InstalledService> leftovers, long epoch) {

        public static final State ABSENT = new State(false, true, List.of(), List.of(), -1);

        public List<VirtualService> entries() {
            return services.stream().map(InstalledService::service).toList();
        }
    }

    private static final Pattern SERVICE = Pattern.compile("vs(\\d+)");
    private static final Pattern RECORDS = Pattern.compile("vs(\\d+)rec");
    private static final List<String> BASE_CHAINS = List.of("prerouting", "output", "postrouting", "forward");
    private static final List<String> BASE_MAPS = List.of("svc4", "svc6", "svcmark", "pst4", "pst6", "pstm4", "pstm6");

    private final ObjectMapper json = new ObjectMapper();
    private final ServiceDispatch dispatch;

    /** @param dispatch the same dispatch the renderer uses, to know which slots each service must own */
    NftTableReader(ServiceDispatch dispatch) {
        this.dispatch = dispatch;
    }

    public State parse(String listing) throws DataPlaneException {
        if (listing == null) {
            return State.ABSENT;
        }
        JsonNode items = tree(listing);
        Set<String> chains = new HashSet<>();
        Set<String> maps = new HashSet<>();
        Set<String> mapped = new HashSet<>();
        Map<String, List<String>> comments = new HashMap<>(); // chain → comments of its rules, in order
        Map<String, Map<Long, String>> slots = new HashMap<>(); // slot map → key → value
        boolean ours = false;
        long epoch = -1;
        for (JsonNode item : items) {
            if (item.has("chain")) {
                chains.add(item.get("chain").path("name").asText());
            } else if (item.has("set") || item.has("map")) {
                JsonNode set = item.has("set") ? item.get("set") : item.get("map");
                maps.add(set.path("name").asText());
                if (set.path("name").asText().equals("epoch")) {
                    epoch = epochOf(set);
                } else if (set.path("name").asText().startsWith("svc")) {
                    for (JsonNode target : set.path("elem").findValues("target")) {
                        mapped.add(target.asText());
                    }
                } else if (SlotMaps.isSlotMap(set.path("name").asText())) {
                    slots.put(set.path("name").asText(), slotElements(set.path("elem")));
                }
            } else if (item.has("rule")) {
                JsonNode rule = item.get("rule");
                String comment = rule.has("comment") ? rule.get("comment").asText() : null;
                comments.computeIfAbsent(rule.path("chain").asText(), k -> new ArrayList<>()).add(comment);
                if (TableEncoding.TABLE_COMMENT.equals(comment) && "prerouting".equals(rule.path("chain").asText())) {
                    ours = true;
                }
            }
        }
        boolean complete = ours && chains.containsAll(BASE_CHAINS) && maps.containsAll(BASE_MAPS)
                && maps.containsAll(NftRulesetRenderer.COUNTER_SETS);
        TreeMap<Integer, String> serviceChains = new TreeMap<>();
        for (String name : chains) {
            Matcher service = SERVICE.matcher(name);
            Matcher records = RECORDS.matcher(name);
            if (service.matches()) {
                serviceChains.put(Integer.parseInt(service.group(1)), name);
            } else if (records.matches()) {
                // The earlier layout (a record chain per service): read it, and let the next apply rewrite the table.
                complete = false;
            }
        }
        List<InstalledService> services = new ArrayList<>();
        List<InstalledService> leftovers = new ArrayList<>();
        for (Map.Entry<Integer, String> entry : serviceChains.entrySet()) {
            int id = entry.getKey();
            List<String> rules = comments.get(entry.getValue());
            List<String> legacy = comments.get("vs" + id + "rec");
            InstalledService installed = decode(id, rules, legacy != null ? legacy
                    : rules == null || rules.isEmpty() ? null : rules.subList(1, rules.size()));
            complete &= sort(installed, mapped.contains(entry.getValue()), maps, chains, slots, services, leftovers);
        }
        int claimed = 0;
        for (InstalledService service : services) {
            claimed += dispatch.choice(service).slotCount();
        }
        if (claimed != slots.values().stream().mapToInt(Map::size).sum()) {
            complete = false; // slots no service owns: harmless to packets, gone with the next rewrite
        }
        complete &= epoch >= 0 && maps.contains(RecordSet.NAME); // without the record set: an earlier layout
        return new State(true, complete, List.copyOf(services), List.copyOf(leftovers), epoch);
    }

    /** Sets and maps whose contents {@link #parseParts} needs; the counter sets are not among them. */
    static boolean readsContentOf(String name) {
        return name.equals("epoch") || name.equals(RecordSet.NAME) || name.startsWith("svc") || SlotMaps.isSlotMap(name);
    }

    /** Names of the chains of {@code table} in listings such as {@code nft -j list chains FAMILY}. */
    public Set<String> chains(String table, List<String> listings) throws DataPlaneException {
        Set<String> names = new HashSet<>();
        for (String listing : listings) {
            for (JsonNode item : tree(listing)) {
                if (item.has("chain") && table.equals(item.get("chain").path("table").asText())) {
                    names.add(item.get("chain").path("name").asText());
                }
            }
        }
        return names;
    }

    /** Sets and maps of {@code table} in listings such as {@code nft -j -t list sets|maps FAMILY}: name → is a map. */
    public Map<String, Boolean> objects(String table, List<String> listings) throws DataPlaneException {
        Map<String, Boolean> names = new TreeMap<>();
        for (String listing : listings) {
            for (JsonNode item : tree(listing)) {
                JsonNode object = item.has("set") ? item.get("set") : item.get("map");
                if (object != null && table.equals(object.path("table").asText())) {
                    names.put(object.path("name").asText(), item.has("map"));
                }
            }
        }
        return names;
    }

    /**
     * The current layout from its parts: chain names, set and map names, and the listings of the sets
     * {@link #readsContentOf} names (a listing that is null: the set went away meanwhile).
     */
    public State parseParts(Set<String> chains, Set<String> objects, List<String> contents) throws DataPlaneException {
        if (chains.isEmpty() && objects.isEmpty()) {
            return State.ABSENT;
        }
        Set<String> mapped = new HashSet<>();
        Map<String, Map<Long, String>> slots = new HashMap<>();
        Map<Integer, TreeMap<Long, String>> records = new HashMap<>(); // range → key → record
        long epoch = -1;
        boolean listed = true;
        for (String listing : contents) {
            if (listing == null) {
                listed = false;
                continue;
            }
            for (JsonNode item : tree(listing)) {
                JsonNode set = item.has("set") ? item.get("set") : item.get("map");
                if (set == null) {
                    continue;
                }
                String name = set.path("name").asText();
                if (name.equals("epoch")) {
                    epoch = epochOf(set);
                } else if (name.equals(RecordSet.NAME)) {
                    for (JsonNode element : set.path("elem")) {
                        JsonNode elem = element.path("elem");
                        long key = elem.path("val").asLong(-1);
                        records.computeIfAbsent(RecordSet.range(key), k -> new TreeMap<>())
                                .put(key, elem.path("comment").asText(null));
                    }
                } else if (name.startsWith("svc")) {
                    for (JsonNode target : set.path("elem").findValues("target")) {
                        mapped.add(target.asText());
                    }
                } else if (SlotMaps.isSlotMap(name)) {
                    slots.put(name, slotElements(set.path("elem")));
                }
            }
        }
        boolean complete = listed && chains.containsAll(BASE_CHAINS) && objects.containsAll(BASE_MAPS)
                && objects.containsAll(NftRulesetRenderer.COUNTER_SETS) && objects.contains(RecordSet.NAME) && epoch >= 0;
        List<InstalledService> services = new ArrayList<>();
        List<InstalledService> leftovers = new ArrayList<>();
        Set<Integer> ranges = new HashSet<>();
        for (String chain : new TreeSet<>(chains)) {
            Matcher service = SERVICE.matcher(chain);
            if (RECORDS.matcher(chain).matches()) {
                complete = false; // the earlier layout's record chain: the next apply rewrites the table
            }
            if (!service.matches()) {
                continue;
            }
            int id = Integer.parseInt(service.group(1));
            ranges.add(id & 0xffff);
            TreeMap<Long, String> own = records.get(id & 0xffff);
            InstalledService installed = own == null ? null : RecordSet.decode(id, own);
            complete &= sort(installed, mapped.contains(chain), objects, chains, slots, services, leftovers);
        }
        if (!ranges.containsAll(records.keySet())) {
            complete = false; // records of no service: gone with the next rewrite
        }
        int claimed = 0;
        for (InstalledService service : services) {
            claimed += dispatch.choice(service).slotCount();
        }
        if (claimed != slots.values().stream().mapToInt(Map::size).sum()) {
            complete = false;
        }
        services.sort(java.util.Comparator.comparingInt(InstalledService::id));
        leftovers.sort(java.util.Comparator.comparingInt(InstalledService::id));
        return new State(true, complete, List.copyOf(services), List.copyOf(leftovers), epoch);
    }

    /** Whether every slot the service's rules look up holds the server the rules were written for. */
    /**
     * Puts a decoded service among the intact ones (its dispatch map points at its chain, its persistence
     * objects and slots are in place) or among the leftovers, which are damaged but recognisable: a rewrite
     * reuses their numbers. Returns whether it was intact.
     */
    private boolean sort(InstalledService installed, boolean mapped, Set<String> objects, Set<String> chains,
                         Map<String, Map<Long, String>> slots, List<InstalledService> services,
                         List<InstalledService> leftovers) {
        boolean intact = installed != null && mapped
                && (installed.service().persistence() == null
                    || (objects.contains(installed.persistMap()) && chains.contains(installed.persistChain())))
                && slotsInPlace(installed, slots);
        if (intact) {
            services.add(installed);
        } else if (installed != null) {
            leftovers.add(installed);
        }
        return intact;
    }

    private boolean slotsInPlace(InstalledService installed, Map<String, Map<Long, String>> slots) {
        ServiceDispatch.Choice choice;
        try {
            choice = dispatch.choice(installed);
        } catch (IllegalArgumentException e) {
            return false; // a scheduler this plane does not write: not ours to trust
        }
        for (Map.Entry<String, Map<Long, String>> map : choice.slots().entrySet()) {
            Map<Long, String> present = slots.getOrDefault(map.getKey(), Map.of());
            for (Map.Entry<Long, String> slot : map.getValue().entrySet()) {
                if (!slot.getValue().equals(present.get(slot.getKey()))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A slot map's elements as nft lists them: {@code [key, {"concat": [address, port]}]} or {@code [key, address]}. */
    private static Map<Long, String> slotElements(JsonNode elements) {
        Map<Long, String> slots = new HashMap<>();
        for (JsonNode element : elements) {
            JsonNode value = element.path(1);
            String text;
            if (value.has("concat")) {
                List<String> parts = new ArrayList<>();
                value.get("concat").forEach(part -> parts.add(part.asText()));
                text = String.join(" . ", parts);
            } else {
                text = value.asText();
            }
            slots.put(element.path(0).asLong(), text);
        }
        return slots;
    }

    /** The service's first rule holds its settings; records are the commented rules after it (or in a legacy record chain). */
    private static InstalledService decode(int id, List<String> serviceRules, List<String> recordRules) {
        if (serviceRules == null || serviceRules.isEmpty() || recordRules == null) {
            return null;
        }
        try {
            List<RealServer> servers = new ArrayList<>();
            SorryServer sorry = null;
            for (String comment : recordRules) {
                if (comment == null) {
                    continue;
                }
                if (TableEncoding.isLabel(comment) && !servers.isEmpty()) {
                    RealServer last = servers.remove(servers.size() - 1);
                    servers.add(new RealServer(TableEncoding.decodeLabel(comment), last.address(), last.port(),
                            last.weight(), last.forwarding(), last.upperThreshold(), last.lowerThreshold(), last.os(),
                            last.state()));
                } else if (TableEncoding.decodeSorry(comment) != null) {
                    sorry = TableEncoding.decodeSorry(comment);
                } else {
                    servers.add(TableEncoding.decodeRealServer(comment, null));
                }
            }
            VirtualService service = TableEncoding.decodeService(serviceRules.get(0), sorry, servers);
            return service == null ? null : new InstalledService(id, service);
        } catch (RuntimeException e) {
            return null; // a comment someone else edited: not ours to trust
        }
    }

    /** The epoch in {@code nft -j list set … epoch} output; -1 if the set (or table) is not there or not as written. */
    public long epoch(String listing) throws DataPlaneException {
        if (listing == null) {
            return -1;
        }
        for (JsonNode item : tree(listing)) {
            if (item.has("set")) {
                return epochOf(item.get("set"));
            }
        }
        return -1;
    }

    private static long epochOf(JsonNode set) {
        JsonNode elements = set.path("elem");
        return elements.size() == 1 && elements.get(0).canConvertToLong() ? elements.get(0).asLong() : -1;
    }

    private JsonNode tree(String listing) throws DataPlaneException {
        try {
            return json.readTree(listing).path("nftables");
        } catch (JsonProcessingException e) {
            throw new DataPlaneException("Could not read nft's JSON listing: " + e.getOriginalMessage(), e);
        }
    }
}
