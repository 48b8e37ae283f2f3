package io.ballast.model.api;

import java.util.Map;

/**
 * One entry of an agent's event journal (GET /api/v1/events, and live on the SSE stream).
 *
 * @param id        increasing; pass the last one seen as {@code since} to get only newer events
 * @param atMillis  when it happened
 * @param kind      e.g. "spec-applied", "apply-failed", "drift-repaired", "real-server-patched", "role-changed", "health"
 * @param actor     who caused it: a token id ("token:ab12cd34"), "reconciler", "failover", "health"
 * @param revision  the spec revision in effect after the event
 * @param message   a sentence for the operator
 * @param detail    facts a client can act on, as text: for "role-changed" {@code from}, {@code to},
 *                  {@code masterLostAtMillis} and {@code takeoverMillis} when known; for "health"
 *                  {@code service}, {@code realServer}, {@code up}
 */
public record AgentEvent(long id, long atMillis, String kind, String actor, long revision, String message,
                         Map<String, String> detail) {

    public AgentEvent {
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }

    public AgentEvent(long id, long atMillis, String kind, String actor, long revision, String message) {
        this(id, atMillis, kind, actor, revision, message, Map.of());
    }
}
