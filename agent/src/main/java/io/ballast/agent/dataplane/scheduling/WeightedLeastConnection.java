package io.ballast.agent.dataplane.scheduling;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * ip_vs_wlc (overhead active*256 + inactive) and ip_vs_sed (overhead active + 1): the smallest
 * overhead/weight, compared as {@code loh * w(d) > doh * w(least)} so no division is needed.
 */
final class WeightedLeastConnection implements ConnectionScheduler {

    private final ToLongFunction<Destination> overhead;

    private WeightedLeastConnection(ToLongFunction<Destination> overhead) {
        this.overhead = overhead;
    }

    static WeightedLeastConnection wlc() {
        return new WeightedLeastConnection(Destination::overhead);
    }

    static WeightedLeastConnection sed() {
        return new WeightedLeastConnection(d -> d.activeConnections() + 1L);
    }

    @Override
    public Destination select(List<? extends Destination> destinations, ScheduledFlow flow) {
        return leastLoaded(destinations, overhead);
    }

    /** The wlc loop, shared with lblc and lblcr, which fall back to it. */
    static Destination leastLoaded(List<? extends Destination> destinations, ToLongFunction<Destination> overhead) {
        int i = 0;
        Destination least = null;
        long loh = 0;
        for (; i < destinations.size(); i++) {
            Destination d = destinations.get(i);
            if (!d.overloaded() && d.weight() > 0) {
                least = d;
                loh = overhead.applyAsLong(d);
                break;
            }
        }
        if (least == null) {
            return null;
        }
        for (i++; i < destinations.size(); i++) {
            Destination d = destinations.get(i);
            if (d.overloaded()) {
                continue;
            }
            long doh = overhead.applyAsLong(d);
            if (loh * d.weight() > doh * least.weight()) {
                least = d;
                loh = doh;
            }
        }
        return least;
    }
}
