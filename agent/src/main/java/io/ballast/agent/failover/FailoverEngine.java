package io.ballast.agent.failover;

import io.ballast.model.ClusterSpec;
import io.ballast.model.api.Role;
import java.util.function.Consumer;

/**
 * Decides whether this director holds the VIPs. Implementations: {@code single/} (always master),
 * {@code lab/} (loopback, for the lab) and {@code keepalived/} (VRRPv3, production). Found through
 * {@link FailoverEngineProvider}.
 */
public interface FailoverEngine extends AutoCloseable {

    /** "single", "lab" or "keepalived": the name the agent config uses. */
    String name();

    /** Starts taking part in the election with the settings of this spec. */
    void start(ClusterSpec spec) throws FailoverException;

    /** Follows a new spec (peers, priorities, VIPs); an unchanged failover section changes nothing. */
    void update(ClusterSpec spec) throws FailoverException;

    /** The role now. */
    Role role();

    /** Called on the engine's own thread after each role change, in order. */
    void onRoleChange(Consumer<RoleChange> listener);

    /**
     * Gives up the VIPs gracefully so the peer takes them without waiting for a timeout (a planned
     * hand-over). A single director has nobody to hand over to and says so.
     */
    void stepDown() throws FailoverException;

    /**
     * Whether this director is fit to hold the VIPs: health, table and connection sync in order.
     * A restored master does not take the VIPs back (fail-back) while it is not ready.
     */
    void setReady(boolean ready);

    @Override
    void close();
}
