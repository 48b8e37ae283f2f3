package io.ballast.agent.dataplane.scheduling;

import java.util.List;

/**
 * ip_vs_rr: the next destination after the last one chosen that is neither overloaded nor quiesced.
 */
final class RoundRobin implements ConnectionScheduler {

    private Destination last;
    private List<? extends Destination> known = List.of();

    @Override
    public Destination select(List<? extends Destination> destinations, ScheduledFlow flow) {
        known = destinations;
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

    /**
     * ip_vs_rr_del_dest: when the last chosen destination leaves, the cursor steps back to the one
     * before it (or the list head), so the cycle goes on with the one after it.
     */
    @Override
    public void destinationsChanged(List<? extends Destination> destinations) {
        if (last != null && indexOf(destinations, last) < 0) {
            Destination before = null;
            for (int i = indexOf(known, last) - 1; i >= 0 && before == null; i--) {
                if (indexOf(destinations, known.get(i)) >= 0) {
                    before = known.get(i);
                }
            }
            last = before;
        }
        known = destinations;
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
