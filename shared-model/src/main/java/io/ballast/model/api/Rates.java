package io.ballast.model.api;

/**
 * Per-second rates as the plane's own estimator reports them (IPVS: {@code ipvsadm --rate}, the
 * kernel's two-second moving average), for a service, a real server or the whole plane.
 */
public record Rates(
        long connectionsPerSecond,
        long packetsInPerSecond,
        long packetsOutPerSecond,
        long bytesInPerSecond,
        long bytesOutPerSecond) {
}
