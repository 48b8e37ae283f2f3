package io.ballast.app.connection;

import java.util.Map;
import java.util.OptionalLong;

/**
 * One entry of an agent's event journal (GET /api/v1/events, or an {@code event} on the stream).
 *
 * @param id       journal id, increasing per agent
 * @param atMillis when it happened (epoch milliseconds)
 * @param type     ROLE_CHANGE, HEALTH, APPLY, ALARM, SPLIT_BRAIN, SPEC_MISMATCH, or something newer
 * @param node     the director it happened on
 * @param message  one sentence for the operator
 * @param detail   extra facts (from/to role, takeover time, service, real server…), all as text
 */
public record AgentEvent(long id, long atMillis, String type, String node, String message, Map<String, String> detail) {

    public AgentEvent {
        type = type == null ? "UNKNOWN" : type;
        message = message == null ? "" : message;
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }

    /** Takeover time in milliseconds, when the agent measured one (failovers). */
    public OptionalLong takeoverMillis() {
        for (Map.Entry<String, String> entry : detail.entrySet()) {
            if (entry.getKey().toLowerCase(java.util.Locale.ROOT).contains("takeover")) {
                try {
                    return OptionalLong.of(Math.round(Double.parseDouble(entry.getValue())));
                } catch (NumberFormatException ignored) {
                    // a non-numeric takeover note is shown as text in the detail, not as a time
                }
            }
        }
        return OptionalLong.empty();
    }

    public String detail(String key) {
        return detail.get(key);
    }
}
