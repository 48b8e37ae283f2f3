package io.ballast.agent.dataplane.scheduling;

import java.util.List;

/**
 * ip_vs_ovf: the highest-weight server until its active connections exceed its weight, then the
 * next highest, and so on.
 */
final class WeightedOverflow implements ConnectionScheduler {

    @Override
    public Destination select(List<? extends Destination> destinations, ScheduledFlow flow) {
        Destination highest = null;
        for (Destination d : destinations) {
            int w = d.weight();
            if (d.overloaded() || d.activeConnections() > w || w == 0) {
                continue;
            }
            if (highest == null || w > highest.weight()) {
                highest = d;
            }
        }
        return highest;
    }
}
