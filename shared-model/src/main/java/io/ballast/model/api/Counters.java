package io.ballast.model.api;

/**
 * Cumulative counters of one service or one real server, as the plane reports them
 * (IPVS: ipvsadm --stats; nftables: named counters; userspace: its own).
 */
public record Counters(
        long activeConnections,
        long inactiveConnections,
        long connections,
        long packetsIn,
        long packetsOut,
        long bytesIn,
        long bytesOut) {

    public static final Counters ZERO = new Counters(0, 0, 0, 0, 0, 0, 0);
}
