package io.ballast.agent.dataplane.userspace;

import io.ballast.model.api.Counters;

/**
 * Mutable counters of one service or one real server, touched only by the event loop. A "packet"
 * here is one successful socket read (TCP) or one datagram (UDP): the forwarder never sees the
 * kernel's segments, so packet counts are of reads, not of wire packets. "In" is what clients sent,
 * "out" what went back to them, as ipvsadm --stats counts for NAT.
 */
final class TrafficCounters {

    long active;
    long inactive;
    long connections;
    long packetsIn;
    long packetsOut;
    long bytesIn;
    long bytesOut;

    long total() {
        return active + inactive;
    }

    Counters snapshot() {
        return new Counters(active, inactive, connections, packetsIn, packetsOut, bytesIn, bytesOut);
    }
}
