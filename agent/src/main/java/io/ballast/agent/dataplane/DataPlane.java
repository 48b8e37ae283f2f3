package io.ballast.agent.dataplane;

import io.ballast.model.VirtualService;
import io.ballast.model.api.Capabilities;
import io.ballast.model.api.CounterSnapshot;
import io.ballast.model.plan.Plan;
import java.util.List;

/**
 * The kernel table (or, in the lab, the userspace forwarder) that actually moves packets.
 * Implementations: {@code ipvs/} (production), {@code nftables/} (kernels without IPVS),
 * {@code userspace/} (lab and tests only).
 *
 * <p>The reconciler speaks to a plane only in {@link Plan} operations; formatting commands for the
 * kernel is the plane's own business (keepalived's layering: domain, command, kernel interface).
 */
public interface DataPlane extends AutoCloseable {

    /** What this plane implements; the reconciler refuses a spec that asks for more. */
    Capabilities capabilities();

    /**
     * The table as the plane holds it now, as table entries ({@link VirtualService#asTableEntry()}):
     * no labels, no health checks, weights as in effect.
     */
    List<VirtualService> readTable() throws DataPlaneException;

    /**
     * Whether the table may have been changed behind this plane's back since it last applied or read it,
     * judged cheaply. The reconciler's periodic drift check calls {@link #readTable()} only when this
     * says so, and otherwise plans against the table it last saw. {@code true} ("maybe") is always
     * safe; the default says it every time, which keeps a full read on every check.
     */
    default boolean mayHaveDrifted() throws DataPlaneException {
        return true;
    }

    /**
     * Applies a plan computed against {@link #readTable()}. All or nothing: if a step fails the plane
     * restores the table it had before and throws, naming the step.
     */
    void apply(Plan plan) throws DataPlaneException;

    /** Cumulative counters per service and per real server. */
    CounterSnapshot sampleCounters() throws DataPlaneException;

    /**
     * Whether this director holds the VIPs now (master, or the only director). Kernel planes leave the
     * VIP addresses to the failover engine and ignore this; the userspace plane accepts connections on
     * a VIP only while active, which is how a VIP "moves" in the lab.
     */
    default void setActive(boolean active) throws DataPlaneException {
    }

    /** Releases what the plane holds in this process (sockets, helper processes); kernel tables stay. */
    @Override
    default void close() {
    }
}
