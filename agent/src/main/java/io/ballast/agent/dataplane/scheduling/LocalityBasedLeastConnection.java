package io.ballast.agent.dataplane.scheduling;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * ip_vs_lblc: remembers a server per destination address and keeps sending that address there
 * unless the server is gone, quiesced or overloaded in the lblc sense (more active connections than
 * its weight while another server is under half its weight); otherwise picks by wlc and remembers
 * the new choice. Entries unused for the expiration (the kernel's lblc_expiration, 24 h) are dropped.
 */
final class LocalityBasedLeastConnection implements ConnectionScheduler {

    private record Entry(Destination destination, long lastUseMillis) {
    }

    private final Map<InetAddress, Entry> table = new HashMap<>();
    private final LongSupplier clockMillis;
    private final long expirationMillis;

    LocalityBasedLeastConnection(LongSupplier clockMillis, long expirationMillis) {
        this.clockMillis = clockMillis;
        this.expirationMillis = expirationMillis;
    }

    @Override
    public Destination select(List<? extends Destination> destinations, ScheduledFlow flow) {
        long now = clockMillis.getAsLong();
        expire(now);
        InetAddress key = flow.serviceAddress();
        Entry entry = table.get(key);
        if (entry != null) {
            Destination d = entry.destination();
            table.put(key, new Entry(d, now));
            if (d.available() && d.weight() > 0 && !lblcOverloaded(d, destinations)) {
                return d;
            }
        }
        Destination chosen = WeightedLeastConnection.leastLoaded(destinations, Destination::overhead);
        if (chosen != null) {
            table.put(key, new Entry(chosen, now));
        }
        return chosen;
    }

    @Override
    public void destinationsChanged(List<? extends Destination> destinations) {
        // a server that left is no longer available; its entries are replaced on next use
    }

    int entries() {
        return table.size();
    }

    private void expire(long now) {
        for (Iterator<Entry> it = table.values().iterator(); it.hasNext(); ) {
            if (now - it.next().lastUseMillis() > expirationMillis) {
                it.remove();
            }
        }
    }

    /** is_overloaded() of ip_vs_lblc.c and ip_vs_lblcr.c. */
    static boolean lblcOverloaded(Destination d, List<? extends Destination> destinations) {
        if (d.activeConnections() > d.weight()) {
            for (Destination other : destinations) {
                if (other.activeConnections() * 2L < other.weight()) {
                    return true;
                }
            }
        }
        return false;
    }
}
