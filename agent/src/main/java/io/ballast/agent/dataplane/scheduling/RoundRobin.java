package io.ballast.agent.dataplane.scheduling;

import java.util.List;

/**
 * ip_vs_rr: the next destination after the last one chosen that is neither overloaded nor quiesced.
 */
final class RoundRobin implements ConnectionScheduler {

    private Destination last;

    @Override
    public Destination select(List<? extends Destination> destinations, ScheduledFlow flow) {
        int n = destinations.size();
        int start = indexOf(destinations, last) + 1;
        for (int i = 0; i < n; i++) {
            Destination d = destinations.get((start + i) % n);
            if (!d.overloaded() && d.weight() > 0) {
                last = d;
                return d;
            }
        }
        return null;
    }

    @Override
    public void destinationsChanged(List<? extends Destination> destinations) {
        // ip_vs_rr_del_dest steps the cursor back when its destination leaves; starting over is the same cycle.
        if (indexOf(destinations, last) < 0) {
            last = null;
        }
    }

    private static int indexOf(List<? extends Destination> destinations, Destination wanted) {
        for (int i = 0; i < destinations.size(); i++) {
            if (destinations.get(i) == wanted) {
                return i;
            }
        }
        return -1;
    }
}
