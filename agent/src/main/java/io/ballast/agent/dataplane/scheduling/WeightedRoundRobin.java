package io.ballast.agent.dataplane.scheduling;

import java.util.List;

/**
 * ip_vs_wrr: the kernel's current-weight walk. The cursor {@code cl} goes round the list (index -1 is
 * the list head); each time it wraps, the current weight {@code cw} drops by the gcd of the weights,
 * and a destination is taken when its weight is at least {@code cw}. Weights 4,3,2 give the cycle
 * A A B A B C A B C, after a first round A B C (see the constructor), the same sequence as the kernel.
 */
final class WeightedRoundRobin implements ConnectionScheduler {

    private static final int HEAD = -1;

    private int cl = HEAD;
    private int cw;
    private int mw;
    private int di = 1;

    /**
     * The state the kernel reaches when the service is created empty ({@code ip_vs_wrr_init_svc}: cw 0)
     * and its destinations are then added one by one, as ipvsadm and keepalived do
     * ({@code ip_vs_wrr_dest_changed} per destination). The kernel's list is newest first, so the
     * destination added first is the last one. The first round therefore takes every destination
     * with a weight at least as large as the smallest step, and the weighted cycle follows.
     */
    WeightedRoundRobin(List<? extends Destination> destinations) {
        cw = 0;
        mw = 0;
        di = 1;
        int n = destinations.size();
        for (int added = 1; added <= n; added++) {
            destinationsChanged(destinations.subList(n - added, n));
        }
    }

    @Override
    public void destinationsChanged(List<? extends Destination> destinations) {
        // ip_vs_wrr_dest_changed
        cl = HEAD;
        di = gcdWeight(destinations);
        mw = maxWeight(destinations) - (di - 1);
        if (cw > mw || cw == 0) {
            cw = mw;
        } else if (di > 1) {
            cw = (cw / di) * di + 1;
        }
    }

    @Override
    public Destination select(List<? extends Destination> destinations, ScheduledFlow flow) {
        if (mw == 0) {
            return null;
        }
        int n = destinations.size();
        int dest = cl;
        int last = cl;
        int stop = Integer.MIN_VALUE;
        boolean lastPass = false;
        boolean restarted = false;
        while (true) {
            // list_for_each_entry_continue: from the entry after 'dest' up to (not including) the head
            for (dest = dest + 1; dest < n; dest++) {
                Destination d = destinations.get(dest);
                if (!d.overloaded() && d.weight() >= cw) {
                    cl = dest;
                    return d;
                }
                if (dest == stop) {
                    cl = dest;
                    return null;
                }
            }
            dest = HEAD;
            cw -= di;
            if (cw <= 0) {
                cw = mw;
                if (lastPass || last == HEAD) {
                    cl = dest;
                    return null;
                }
                restarted = true;
            }
            lastPass = cw <= di;
            if (lastPass && restarted && last != HEAD) {
                stop = last;
            }
        }
    }

    private static int gcdWeight(List<? extends Destination> destinations) {
        int g = 0;
        for (Destination d : destinations) {
            int w = d.weight();
            if (w > 0) {
                g = g > 0 ? KernelHashes.gcd(w, g) : w;
            }
        }
        return g > 0 ? g : 1;
    }

    private static int maxWeight(List<? extends Destination> destinations) {
        int max = 0;
        for (Destination d : destinations) {
            max = Math.max(max, d.weight());
        }
        return max;
    }
}
