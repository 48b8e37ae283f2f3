package io.ballast.agent.failover;

import io.ballast.model.api.Role;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One role transition as the engine saw it.
 *
 * @param from     the role before
 * @param to       the role now
 * @param atMillis when the engine noticed it (wall clock)
 * @param reason   in words: "started", "peer silent for 3 adverts", "stepped down"…
 * @param masterLostAtMillis when a new master last heard the old one (wall clock), 0 when unknown:
 *                           with {@code atMillis} it gives the takeover time
 */
public record RoleChange(Role from, Role to, long atMillis, String reason, long masterLostAtMillis) {

    public RoleChange(Role from, Role to, long atMillis, String reason) {
        this(from, to, atMillis, reason, 0);
    }

    /** What an event records of this change, for clients to show (the timeline's takeover time). */
    public Map<String, String> detail() {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("from", from.name());
        detail.put("to", to.name());
        detail.put("reason", reason);
        if (masterLostAtMillis > 0) {
            detail.put("masterLostAtMillis", Long.toString(masterLostAtMillis));
            detail.put("takeoverMillis", Long.toString(atMillis - masterLostAtMillis));
        }
        return detail;
    }
}
