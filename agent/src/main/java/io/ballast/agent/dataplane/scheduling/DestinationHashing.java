package io.ballast.agent.dataplane.scheduling;

import java.util.List;

/**
 * ip_vs_dh: 256 buckets filled with the destinations in turn (weights play no part); the bucket is
 * chosen by the packet's destination address, so every client of one virtual address reaches the
 * same server — dh is meant for firewall-mark services in front of caches.
 */
final class DestinationHashing implements ConnectionScheduler {

    static final int TABLE_SIZE = 256;

    private final Destination[] buckets = new Destination[TABLE_SIZE];

    DestinationHashing(List<? extends Destination> destinations) {
        destinationsChanged(destinations);
    }

    @Override
    public void destinationsChanged(List<? extends Destination> destinations) {
        for (int i = 0; i < TABLE_SIZE; i++) {
            buckets[i] = destinations.isEmpty() ? null : destinations.get(i % destinations.size());
        }
    }

    @Override
    public Destination select(List<? extends Destination> destinations, ScheduledFlow flow) {
        Destination d = buckets[bucket(flow)];
        if (d == null || !d.available() || d.weight() <= 0 || d.overloaded()) {
            return null;
        }
        return d;
    }

    static int bucket(ScheduledFlow flow) {
        // (ntohl(addr_fold) * 2654435761UL) & IP_VS_DH_TAB_MASK; only the low bits matter
        return (KernelHashes.fold(flow.serviceAddress()) * (int) 2654435761L) & (TABLE_SIZE - 1);
    }
}
