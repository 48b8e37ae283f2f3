package io.ballast.model.api;

/**
 * One entry of an agent's event journal (GET /api/v1/events, and live on the SSE stream).
 *
 * @param id        increasing; pass the last one seen as {@code since} to get only newer events
 * @param atMillis  when it happened
 * @param kind      e.g. "spec-applied", "apply-failed", "drift-repaired", "real-server-patched", "role-changed", "health"
 * @param actor     who caused it: a token id ("token:ab12cd34"), "reconciler", "failover", "health"
 * @param revision  the spec revision in effect after the event
 * @param message   a sentence for the operator
 */
public record AgentEvent(long id, long atMillis, String kind, String actor, long revision, String message) {
}
