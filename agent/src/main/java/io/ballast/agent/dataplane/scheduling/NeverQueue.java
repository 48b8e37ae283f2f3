package io.ballast.agent.dataplane.scheduling;

import java.util.List;

/** ip_vs_nq: an idle server (no active connection) at once; otherwise shortest expected delay. */
final class NeverQueue implements ConnectionScheduler {

    @Override
    public Destination select(List<? extends Destination> destinations, ScheduledFlow flow) {
        Destination least = null;
        long loh = 0;
        for (Destination d : destinations) {
            if (d.overloaded() || d.weight() == 0) {
                continue;
            }
            long doh = d.activeConnections() + 1L;
            if (d.activeConnections() == 0) {
                return d;
            }
            if (least == null || loh * d.weight() > doh * least.weight()) {
                least = d;
                loh = doh;
            }
        }
        return least;
    }
}
