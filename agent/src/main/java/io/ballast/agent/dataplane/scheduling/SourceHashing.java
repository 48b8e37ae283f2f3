package io.ballast.agent.dataplane.scheduling;

import java.util.List;

/**
 * ip_vs_sh: 256 buckets, each destination filling as many consecutive buckets as its weight, round
 * and round; the client's address (and source port with sh-port) picks the bucket. With
 * sh-fallback an unavailable server's clients are spread over the others by probing further
 * buckets; without it they get no server.
 */
final class SourceHashing implements ConnectionScheduler {

    static final int TABLE_BITS = 8;
    static final int TABLE_SIZE = 1 << TABLE_BITS;

    private final Destination[] buckets = new Destination[TABLE_SIZE];
    private final boolean fallback;
    private final boolean hashPort;

    SourceHashing(List<? extends Destination> destinations, boolean fallback, boolean hashPort) {
        this.fallback = fallback;
        this.hashPort = hashPort;
        destinationsChanged(destinations);
    }

    @Override
    public void destinationsChanged(List<? extends Destination> destinations) {
        // ip_vs_sh_reassign: a weight-0 server still takes one bucket (++d_count >= 0 moves on at once)
        int p = 0;
        int count = 0;
        for (int i = 0; i < TABLE_SIZE; i++) {
            if (destinations.isEmpty()) {
                buckets[i] = null;
                continue;
            }
            Destination d = destinations.get(p);
            buckets[i] = d;
            if (++count >= d.weight()) {
                p = (p + 1) % destinations.size();
                count = 0;
            }
        }
    }

    @Override
    public Destination select(List<? extends Destination> destinations, ScheduledFlow flow) {
        int port = hashPort ? flow.clientPort() : 0;
        int ihash = hashKey(flow, port, 0);
        Destination d = buckets[ihash];
        if (!fallback) {
            return d == null || unavailable(d) ? null : d;
        }
        if (d == null) {
            return null;
        }
        if (!unavailable(d)) {
            return d;
        }
        for (int offset = 0; offset < TABLE_SIZE; offset++) {
            int roffset = (offset + ihash) % TABLE_SIZE;
            Destination candidate = buckets[hashKey(flow, port, roffset)];
            if (!unavailable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean unavailable(Destination d) {
        return d.weight() <= 0 || d.overloaded();
    }

    private static int hashKey(ScheduledFlow flow, int port, int offset) {
        return (offset + KernelHashes.hash32(port + KernelHashes.fold(flow.clientAddress()), TABLE_BITS)) & (TABLE_SIZE - 1);
    }
}
