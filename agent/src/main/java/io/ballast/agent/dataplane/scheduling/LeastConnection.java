package io.ballast.agent.dataplane.scheduling;

import java.util.List;

/** ip_vs_lc: the smallest overhead (active*256 + inactive) among servers with weight; weight itself is ignored. */
final class LeastConnection implements ConnectionScheduler {

    @Override
    public Destination select(List<? extends Destination> destinations, ScheduledFlow flow) {
        Destination least = null;
        long loh = 0;
        for (Destination d : destinations) {
            if (d.overloaded() || d.weight() == 0) {
                continue;
            }
            long doh = d.overhead();
            if (least == null || doh < loh) {
                least = d;
                loh = doh;
            }
        }
        return least;
    }
}
