package io.ballast.agent.dataplane.scheduling;

import java.util.List;

/**
 * One scheduler instance serves one virtual service, like the kernel's {@code svc->sched_data}.
 * The plane calls it from one thread only; implementations are not thread-safe.
 *
 * <p>The destination list is in the service's order. The kernel adds a destination at the head of
 * its list ({@code list_add_rcu}), so its order is newest first; {@code ipvsadm -Ln} sorts by address
 * unless given {@code --nosort}, which prints the kernel's order. A test that compares with the kernel
 * passes destinations in the {@code --nosort} order.
 */
public interface ConnectionScheduler {

    /** The destination for a new connection, or null when none can take it. */
    Destination select(List<? extends Destination> destinations, ScheduledFlow flow);

    /**
     * Called after destinations were added, removed, re-weighted or had thresholds changed — the
     * kernel's add_dest, del_dest and upd_dest hooks. The list is the service's list from now on.
     */
    default void destinationsChanged(List<? extends Destination> destinations) {
    }
}
