package io.ballast.agent.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** An event's detail map as the journal stores it: one JSON object of strings. */
final class DetailText {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() { };

    private DetailText() {
    }

    static String write(Map<String, String> detail) {
        if (detail.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings could not be written as JSON", e);
        }
    }

    static Map<String, String> read(String text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        try {
            return JSON.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            // A damaged detail must not hide the event itself.
            return Map.of("unreadable", text);
        }
    }
}
