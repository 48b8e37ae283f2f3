package io.ballast.app.connection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.ballast.model.api.CounterSnapshot;
import io.ballast.model.api.Role;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the agent's JSON into the client's records. Tolerant on purpose: the client ignores
 * fields it does not know and accepts the few spellings an agent of another version may use,
 * so a newer agent never breaks an older client.
 */
public final class AgentJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private AgentJson() {
    }

    public static JsonNode tree(String json) throws AgentProtocolException {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AgentProtocolException("the agent sent JSON the client cannot read: " + e.getOriginalMessage());
        }
    }

    public static AgentStatus status(String json) throws AgentProtocolException {
        JsonNode root = tree(json);
        JsonNode health = root.path("health");
        List<AgentStatus.HealthVerdict> verdicts = new ArrayList<>();
        for (JsonNode v : firstArray(health, "verdicts", "servers", "realServers")) {
            verdicts.add(new AgentStatus.HealthVerdict(
                    text(v, "service", "serviceKey"),
                    text(v, "realServer", "realServerKey", "server"),
                    "up".equalsIgnoreCase(text(v, "verdict")) || v.path("up").asBoolean(false),
                    text(v, "detail", "reason")));
        }
        String form = text(root, "form");
        if (form == null) {
            form = text(root.path("cluster"), "form");
        }
        return new AgentStatus(
                text(root, "nodeId", "node", "director"),
                role(text(root, "role")),
                text(root, "plane"),
                root.path("revision").asLong(0),
                text(root, "specHash"),
                form,
                health.path("up").asInt(0),
                health.path("down").asInt(0),
                verdicts);
    }

    public static AgentEvent event(JsonNode node) {
        Map<String, String> detail = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.path("detail").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            detail.put(field.getKey(), field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString());
        }
        return new AgentEvent(
                node.path("id").asLong(0),
                node.path("atMillis").asLong(0),
                upper(text(node, "kind", "type")),
                text(node, "node", "director"),
                text(node, "message"),
                detail);
    }

    public static AgentEvent event(String json) throws AgentProtocolException {
        return event(tree(json));
    }

    /** A list of events, bare or wrapped in {"events": [...]}. */
    public static List<AgentEvent> events(String json) throws AgentProtocolException {
        List<AgentEvent> events = new ArrayList<>();
        JsonNode root = tree(json);
        for (JsonNode node : root.isArray() ? root : firstArray(root, "events", "items")) {
            events.add(event(node));
        }
        return events;
    }

    /** The counters of a stream tick: the agent's "stats" event carries them under "counters". */
    public static CounterSnapshot snapshot(String json) throws AgentProtocolException {
        JsonNode root = tree(json);
        return snapshot(root.has("counters") ? root.get("counters") : root);
    }

    /** History points, bare or wrapped in {"points": [...]}, each a CounterSnapshot. */
    public static List<CounterSnapshot> history(String json) throws AgentProtocolException {
        List<CounterSnapshot> points = new ArrayList<>();
        JsonNode root = tree(json);
        if (root.has("series")) {
            return StatsHistoryReader.snapshots(root.get("series"));
        }
        for (JsonNode node : root.isArray() ? root : firstArray(root, "points", "snapshots", "history")) {
            points.add(snapshot(node));
        }
        return points;
    }

    private static CounterSnapshot snapshot(JsonNode node) throws AgentProtocolException {
        try {
            return MAPPER.treeToValue(node, CounterSnapshot.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new AgentProtocolException("the agent sent counters the client cannot read: " + e.getMessage());
        }
    }

    private static Role role(String text) {
        if (text == null) {
            return Role.INIT;
        }
        try {
            return Role.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Role.INIT;
        }
    }

    private static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull()) {
                return value.asText();
            }
        }
        return null;
    }

    private static JsonNode firstArray(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isArray()) {
                return value;
            }
        }
        return MAPPER.createArrayNode();
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }
}
