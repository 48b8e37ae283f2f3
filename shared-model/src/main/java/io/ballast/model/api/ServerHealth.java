package io.ballast.model.api;

/**
 * One real server's health as the agent sees it.
 *
 * @param service    service key text ("tcp/203.0.113.10:80")
 * @param realServer real server key text ("198.51.100.21:80")
 * @param verdict    "up", "down" or "unchecked"
 * @param detail     the last check's result in words, or null when unchecked
 * @param sinceMillis when the verdict last changed, or 0 when unchecked
 */
public record ServerHealth(String service, String realServer, String verdict, String detail, long sinceMillis) {
}
