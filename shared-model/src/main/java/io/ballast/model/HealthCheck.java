package io.ballast.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * How the agent decides that a real server is fit to receive traffic.
 *
 * @param type         tcp connect, http or https GET, or a script
 * @param intervalMs   time between two checks of one server
 * @param timeoutMs    a check that takes longer has failed
 * @param rise         consecutive successes that bring a failed server back
 * @param fall         consecutive failures that take a server out
 * @param port         port to check; null means the real server's own port
 * @param path         http(s): the path requested
 * @param host         http(s): Host header; null means the server's address
 * @param expectStatus http(s): accepted status codes; empty means 200
 * @param bodyRegex    http(s): the body must contain a match; null means any body
 * @param command      script: argv; exit 0 means healthy. {@code %a} and {@code %p} stand for address and port
 * @param onFailure    quiesce (weight 0) or remove the failed server
 */
public record HealthCheck(
        @JsonProperty(required = true) CheckType type,
        @JsonProperty(required = true) int intervalMs,
        @JsonProperty(required = true) int timeoutMs,
        @JsonProperty(required = true) int rise,
        @JsonProperty(required = true) int fall,
        Integer port,
        String path,
        String host,
        List<Integer> expectStatus,
        String bodyRegex,
        List<String> command,
        FailAction onFailure) {

    public HealthCheck {
        expectStatus = expectStatus == null ? List.of() : List.copyOf(expectStatus);
        command = command == null ? List.of() : List.copyOf(command);
        onFailure = onFailure == null ? FailAction.QUIESCE : onFailure;
    }

    /** A plain TCP connect check. */
    public static HealthCheck tcp(int intervalMs, int timeoutMs, int rise, int fall) {
        return new HealthCheck(CheckType.TCP, intervalMs, timeoutMs, rise, fall,
                null, null, null, List.of(), null, List.of(), FailAction.QUIESCE);
    }
}
