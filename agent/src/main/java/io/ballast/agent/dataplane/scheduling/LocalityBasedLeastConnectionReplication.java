package io.ballast.agent.dataplane.scheduling;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * ip_vs_lblcr: like lblc, but each destination address keeps a <em>set</em> of servers: the least
 * loaded member serves; when it is overloaded a new server (by wlc) joins the set; when the set has
 * not changed for the expiration time its most loaded member leaves it.
 */
final class LocalityBasedLeastConnectionReplication implements ConnectionScheduler {

    private static final class ServerSet {
        final List<Destination> members = new ArrayList<>();
        long lastModMillis;
        long lastUseMillis;
    }

    private final Map<InetAddress, ServerSet> table = new HashMap<>();
    private final LongSupplier clockMillis;
    private final long expirationMillis;

    LocalityBasedLeastConnectionReplication(LongSupplier clockMillis, long expirationMillis) {
        this.clockMillis = clockMillis;
        this.expirationMillis = expirationMillis;
    }

    @Override
    public Destination select(List<? extends Destination> destinations, ScheduledFlow flow) {
        long now = clockMillis.getAsLong();
        expire(now);
        InetAddress key = flow.serviceAddress();
        ServerSet set = table.get(key);
        if (set != null) {
            set.lastUseMillis = now;
            set.members.removeIf(d -> !d.available());
            Destination least = setMin(set.members);
            if (set.members.size() > 1 && now - set.lastModMillis > expirationMillis) {
                Destination most = setMax(set.members);
                if (most != null) {
                    set.members.remove(most);
                    set.lastModMillis = now;
                }
            }
            if (least != null && !LocalityBasedLeastConnection.lblcOverloaded(least, destinations)) {
                return least;
            }
            Destination chosen = WeightedLeastConnection.leastLoaded(destinations, Destination::overhead);
            if (chosen != null && !set.members.contains(chosen)) {
                set.members.add(chosen);
                set.lastModMillis = now;
            }
            return chosen;
        }
        Destination chosen = WeightedLeastConnection.leastLoaded(destinations, Destination::overhead);
        if (chosen != null) {
            ServerSet created = new ServerSet();
            created.members.add(chosen);
            created.lastModMillis = now;
            created.lastUseMillis = now;
            table.put(key, created);
        }
        return chosen;
    }

    /** Members of the set kept for a destination address, for tests. */
    List<Destination> members(InetAddress serviceAddress) {
        ServerSet set = table.get(serviceAddress);
        return set == null ? List.of() : List.copyOf(set.members);
    }

    private void expire(long now) {
        for (Iterator<ServerSet> it = table.values().iterator(); it.hasNext(); ) {
            if (now - it.next().lastUseMillis > expirationMillis) {
                it.remove();
            }
        }
    }

    // ip_vs_dest_set_min: weighted least loaded member
    private static Destination setMin(List<Destination> members) {
        Destination least = null;
        long loh = 0;
        int i = 0;
        for (; i < members.size(); i++) {
            Destination d = members.get(i);
            if (!d.overloaded() && d.weight() > 0 && d.available()) {
                least = d;
                loh = d.overhead();
                break;
            }
        }
        if (least == null) {
            return null;
        }
        for (i++; i < members.size(); i++) {
            Destination d = members.get(i);
            if (d.overloaded()) {
                continue;
            }
            long doh = d.overhead();
            if (loh * d.weight() > doh * least.weight() && d.available()) {
                least = d;
                loh = doh;
            }
        }
        return least;
    }

    // ip_vs_dest_set_max: weighted most loaded member
    private static Destination setMax(List<Destination> members) {
        Destination most = null;
        long moh = 0;
        int i = 0;
        for (; i < members.size(); i++) {
            Destination d = members.get(i);
            if (d.weight() > 0) {
                most = d;
                moh = d.overhead();
                break;
            }
        }
        if (most == null) {
            return null;
        }
        for (i++; i < members.size(); i++) {
            Destination d = members.get(i);
            long doh = d.overhead();
            if (moh * d.weight() < doh * most.weight() && d.weight() > 0) {
                most = d;
                moh = doh;
            }
        }
        return most;
    }
}
