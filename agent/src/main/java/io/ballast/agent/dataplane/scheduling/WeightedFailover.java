package io.ballast.agent.dataplane.scheduling;

import java.util.List;

/** ip_vs_fo: every new connection to the available server with the highest weight (the first on a tie). */
final class WeightedFailover implements ConnectionScheduler {

    @Override
    public Destination select(List<? extends Destination> destinations, ScheduledFlow flow) {
        Destination highest = null;
        int hw = 0;
        for (Destination d : destinations) {
            if (!d.overloaded() && d.weight() > hw) {
                highest = d;
                hw = d.weight();
            }
        }
        return highest;
    }
}
