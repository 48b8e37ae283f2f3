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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code nft -j list table} back into Ballast's services. Only services whose every object is
 * in place come back; anything missing or foreign marks the table incomplete, and the plane then
 * rewrites it whole on its next apply.
 */
public final class NftTableReader {

    /** What the kernel holds. {@code present} false: no table at all. */
    public record State(boolean present, boolean complete, List<InstalledService> services,
                        List<InstalledService> leftovers, Map<String, NftRulesetRenderer.CounterValue> counters) {

        public static final State ABSENT = new State(false, true, List.of(), List.of(), Map.of());

        public List<VirtualService> entries() {
            return services.stream().map(InstalledService::service).toList();
        }
    }

    private static final Pattern SERVICE = Pattern.compile("vs(\\d+)");
    private static final Pattern SERVER = Pattern.compile("vs(\\d+)r(\\d+)");
    private static final Pattern SORRY = Pattern.compile("vs(\\d+)s");
    private static final List<String> BASE_CHAINS = List.of("prerouting", "output", "postrouting");
    private static final List<String> BASE_MAPS = List.of("svc4", "svc6", "svcmark");

    private final ObjectMapper json = new ObjectMapper();

    public State parse(String listing) throws DataPlaneException {
        if (listing == null) {
            return State.ABSENT;
        }
        JsonNode items;
        try {
            items = json.readTree(listing).path("nftables");
        } catch (JsonProcessingException e) {
            throw new DataPlaneException("Could not read nft's JSON listing: " + e.getOriginalMessage(), e);
        }
        // nft 1.0's JSON drops table and chain comments, so Ballast's marks are on rules: a chain's first
        // rule carries the chain's record, a later commented rule a real server's label.
        Set<String> chains = new HashSet<>();
        Map<String, String> chainComments = new HashMap<>();
        Map<String, Integer> ruleCounts = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        Map<String, NftRulesetRenderer.CounterValue> counters = new HashMap<>();
        Set<String> mapped = new HashSet<>();
        Set<String> maps = new HashSet<>();
        boolean ours = false;
        for (JsonNode item : items) {
            if (item.has("chain")) {
                chains.add(item.get("chain").path("name").asText());
            } else if (item.has("rule")) {
                JsonNode rule = item.get("rule");
                String chain = rule.path("chain").asText();
                int position = ruleCounts.merge(chain, 1, Integer::sum);
                String comment = rule.has("comment") ? rule.get("comment").asText() : null;
                if (comment == null) {
                    continue;
                }
                if (chain.equals("prerouting")) {
                    ours |= TableEncoding.TABLE_COMMENT.equals(comment);
                } else if (position == 1 || SORRY.matcher(chain).matches()) {
                    chainComments.put(chain, comment);
                } else {
                    labels.put(chain, comment);
                }
            } else if (item.has("counter")) {
                JsonNode counter = item.get("counter");
                counters.put(counter.path("name").asText(), new NftRulesetRenderer.CounterValue(
                        counter.path("packets").asLong(), counter.path("bytes").asLong()));
            } else if (item.has("map")) {
                JsonNode map = item.get("map");
                maps.add(map.path("name").asText());
                for (JsonNode target : map.path("elem").findValues("target")) {
                    mapped.add(target.asText());
                }
            }
        }
        boolean complete = ours && maps.containsAll(BASE_MAPS)
                && chains.containsAll(BASE_CHAINS);
        Map<Integer, TreeMap<Integer, RealServer>> servers = new HashMap<>();
        Map<Integer, SorryServer> sorries = new HashMap<>();
        for (String name : chains) {
            Map.Entry<String, String> chain = new java.util.AbstractMap.SimpleEntry<>(name, chainComments.get(name));
            Matcher server = SERVER.matcher(chain.getKey());
            Matcher sorry = SORRY.matcher(chain.getKey());
            try {
                if (server.matches()) {
                    boolean intact = chain.getValue() != null && ruleCounts.getOrDefault(chain.getKey(), 0) >= 2
                            && counters.containsKey(chain.getKey());
                    if (intact) {
                        servers.computeIfAbsent(Integer.parseInt(server.group(1)), k -> new TreeMap<>())
                                .put(Integer.parseInt(server.group(2)),
                                        TableEncoding.decodeRealServer(chain.getValue(), labels.get(chain.getKey())));
                    } else {
                        complete = false;
                    }
                } else if (sorry.matches()) {
                    sorries.put(Integer.parseInt(sorry.group(1)), TableEncoding.decodeSorry(chain.getValue()));
                }
            } catch (RuntimeException e) {
                complete = false; // a comment someone else edited: not ours to trust
            }
        }
        List<InstalledService> services = new ArrayList<>();
        List<InstalledService> leftovers = new ArrayList<>();
        TreeMap<Integer, String> serviceChains = new TreeMap<>();
        for (String name : chains) {
            Matcher service = SERVICE.matcher(name);
            if (service.matches()) {
                serviceChains.put(Integer.parseInt(service.group(1)), name);
            }
        }
        if (!serviceChains.keySet().containsAll(servers.keySet())) {
            complete = false; // real server chains without their service: leftovers of someone's edit
        }
        for (Map.Entry<Integer, String> entry : serviceChains.entrySet()) {
            int id = entry.getKey();
            String name = entry.getValue();
            TreeMap<Integer, RealServer> own = servers.getOrDefault(id, new TreeMap<>());
            VirtualService service;
            try {
                service = TableEncoding.decodeService(chainComments.get(name), sorries.get(id),
                        new ArrayList<>(own.values()));
            } catch (RuntimeException e) {
                service = null;
            }
            boolean intact = service != null && mapped.contains(name) && counters.containsKey(name)
                    && ruleCounts.getOrDefault(name, 0) >= 1;
            if (intact) {
                services.add(new InstalledService(id, service, new ArrayList<>(own.keySet())));
            } else {
                complete = false;
                if (service != null) {
                    // Damaged but recognisable: its numbers (and so its counters) are reused by the rewrite.
                    leftovers.add(new InstalledService(id, service, new ArrayList<>(own.keySet())));
                }
            }
        }
        return new State(true, complete, List.copyOf(services), List.copyOf(leftovers), Map.copyOf(counters));
    }

    /** Counter values from {@code nft -j list counters}. */
    public Map<String, NftRulesetRenderer.CounterValue> counters(String listing) throws DataPlaneException {
        if (listing == null) {
            return Map.of();
        }
        Map<String, NftRulesetRenderer.CounterValue> counters = new HashMap<>();
        try {
            for (JsonNode item : json.readTree(listing).path("nftables")) {
                JsonNode counter = item.get("counter");
                if (counter != null) {
                    counters.put(counter.path("name").asText(), new NftRulesetRenderer.CounterValue(
                            counter.path("packets").asLong(), counter.path("bytes").asLong()));
                }
            }
        } catch (JsonProcessingException e) {
            throw new DataPlaneException("Could not read nft's JSON counter listing: " + e.getOriginalMessage(), e);
        }
        return counters;
    }
}
