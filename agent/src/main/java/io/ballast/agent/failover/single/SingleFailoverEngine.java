package io.ballast.agent.failover.single;

import io.ballast.agent.failover.FailoverEngine;
import io.ballast.agent.failover.FailoverException;
import io.ballast.agent.failover.RoleChange;
import io.ballast.model.ClusterSpec;
import io.ballast.model.api.Role;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The engine of a SINGLE cluster: the only director is master from the start. There is no peer, so
 * nothing can take over; {@link #stepDown()} refuses rather than leave the VIPs unserved.
 */
public final class SingleFailoverEngine implements FailoverEngine {

    public static final String NAME = "single";

    private final List<Consumer<RoleChange>> listeners = new CopyOnWriteArrayList<>();
    private volatile Role role = Role.INIT;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start(ClusterSpec spec) {
        if (role == Role.INIT) {
            role = Role.MASTER;
            RoleChange change = new RoleChange(Role.INIT, Role.MASTER, System.currentTimeMillis(),
                    "single director: master from the start");
            listeners.forEach(l -> l.accept(change));
        }
    }

    @Override
    public void update(ClusterSpec spec) {
        // One director: nothing in the failover section changes who holds the VIPs.
    }

    @Override
    public Role role() {
        return role;
    }

    @Override
    public void onRoleChange(Consumer<RoleChange> listener) {
        listeners.add(listener);
    }

    @Override
    public void stepDown() throws FailoverException {
        throw new FailoverException("this is a single director: there is no standby to hand the VIPs to");
    }

    @Override
    public void setReady(boolean ready) {
        // Fail-back needs a peer; a single director serves whether or not it is ready.
    }

    @Override
    public void close() {
        listeners.clear();
    }
}
