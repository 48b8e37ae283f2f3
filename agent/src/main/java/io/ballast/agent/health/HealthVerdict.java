package io.ballast.agent.health;

/**
 * The checker's current judgement of one real server of one service, after rise/fall counting.
 *
 * @param service    service key text ("tcp/203.0.113.10:80")
 * @param realServer real server key text ("198.51.100.21:80")
 * @param up         true when the server may receive traffic
 * @param detail     last check's result in words ("connect refused", "HTTP 503", "ok in 3 ms")
 * @param atMillis   when the verdict last changed
 */
public record HealthVerdict(String service, String realServer, boolean up, String detail, long atMillis) {
}
