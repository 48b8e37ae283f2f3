package io.ballast.agent.dataplane.nftables;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one counter set from {@code nft -j -p list set} as it streams out of nft: element key (as
 * {@link NftRulesetRenderer#counterKey} writes it) → packets and bytes. A set of 10,000 elements is
 * about 1.1 MB of JSON a listing, three listings a second; read as a tree it was the agent's largest
 * allocation (and G1 allocates buffers that size outside its regions), read token by token it is a map.
 *
 * <p>{@code -p} makes nft print protocols as numbers: without it, nft 1.0.6 looks every element's
 * protocol up in /etc/protocols, opening and reading the file once per element (10,000 opens a
 * listing, a third of nft's CPU). The numbers are turned back into the names the keys use here,
 * guided by the set's type, so a port or a mark that happens to be 6 stays a number.
 */
final class CounterListing {

    // The caller owns the stream: it drains what is left so that nft never blocks on a full pipe.
    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

    private CounterListing() {
    }

    static Map<String, NftRulesetRenderer.CounterValue> read(InputStream listing) throws IOException {
        Map<String, NftRulesetRenderer.CounterValue> counters = new HashMap<>();
        try (JsonParser json = JSON.createParser(listing)) {
            List<String> type = List.of();
            for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
                if (token != JsonToken.FIELD_NAME) {
                    continue;
                }
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if ("type".equals(field)) {
                    type = types(json, value);
                } else if ("elem".equals(field) && value == JsonToken.START_ARRAY) {
                    elements(json, type, counters);
                }
            }
        }
        return counters;
    }

    /** The set's key type: one name, or the parts of a concatenation. */
    private static List<String> types(JsonParser json, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            return List.of(json.getValueAsString(""));
        }
        List<String> parts = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            parts.add(json.getValueAsString(""));
        }
        return parts;
    }

    /** {@code [{"elem": {"val": …, "counter": {"packets": N, "bytes": N}}}, …]}; the parser is on the array's start. */
    private static void elements(JsonParser json, List<String> type, Map<String, NftRulesetRenderer.CounterValue> out)
            throws IOException {
        StringBuilder key = new StringBuilder(64);
        while (json.nextToken() == JsonToken.START_OBJECT) {
            key.setLength(0);
            long packets = 0;
            long bytes = 0;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                if (!"elem".equals(json.currentName())) {
                    json.nextToken();
                    json.skipChildren();
                    continue;
                }
                if (json.nextToken() != JsonToken.START_OBJECT) {
                    key.append(json.getText()); // an element without a counter: a bare key
                    continue;
                }
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String field = json.currentName();
                    JsonToken value = json.nextToken();
                    if ("val".equals(field)) {
                        key(json, value, type, key);
                    } else if ("counter".equals(field) && value == JsonToken.START_OBJECT) {
                        while (json.nextToken() == JsonToken.FIELD_NAME) {
                            String name = json.currentName();
                            json.nextToken();
                            if ("packets".equals(name)) {
                                packets = json.getValueAsLong();
                            } else if ("bytes".equals(name)) {
                                bytes = json.getValueAsLong();
                            }
                        }
                    } else {
                        json.skipChildren();
                    }
                }
            }
            out.put(key.toString(), new NftRulesetRenderer.CounterValue(packets, bytes));
        }
    }

    /** A key: one value, or {@code {"concat": [parts]}} joined by " . " as nft's text form writes it. */
    private static void key(JsonParser json, JsonToken value, List<String> type, StringBuilder key) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            part(json, type.isEmpty() ? "" : type.get(0), key);
            return;
        }
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            if (!"concat".equals(json.currentName()) || json.nextToken() != JsonToken.START_ARRAY) {
                json.nextToken();
                json.skipChildren();
                continue;
            }
            int i = 0;
            while (json.nextToken() != JsonToken.END_ARRAY) {
                if (i > 0) {
                    key.append(" . ");
                }
                part(json, i < type.size() ? type.get(i) : "", key);
                i++;
            }
        }
    }

    private static void part(JsonParser json, String type, StringBuilder key) throws IOException {
        if ("inet_proto".equals(type) && json.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            key.append(protocol(json.getIntValue()));
        } else {
            key.append(json.getText());
        }
    }

    /** The names {@link NftRulesetRenderer#counterKey} uses for the protocols a service can have. */
    static String protocol(int number) {
        switch (number) {
            case 6:
                return "tcp";
            case 17:
                return "udp";
            case 132:
                return "sctp";
            default:
                return Integer.toString(number);
        }
    }
}
