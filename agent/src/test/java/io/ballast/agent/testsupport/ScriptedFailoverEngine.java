package io.ballast.agent.testsupport;

import io.ballast.agent.failover.FailoverEngine;
import io.ballast.agent.failover.RoleChange;
import io.ballast.model.ClusterSpec;
import io.ballast.model.api.Role;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A failover engine whose role the test sets; it remembers what the agent told it about readiness. */
public final class ScriptedFailoverEngine implements FailoverEngine {

    private final List<Consumer<RoleChange>> listeners = new CopyOnWriteArrayList<>();
    private volatile Role role;
    private volatile Boolean ready;

    public ScriptedFailoverEngine(Role initial) {
        this.role = initial;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public void start(ClusterSpec spec) {
    }

    @Override
    public void update(ClusterSpec spec) {
    }

    @Override
    public Role role() {
        return role;
    }

    public void become(Role next) {
        RoleChange change = new RoleChange(role, next, System.currentTimeMillis(), "test");
        role = next;
        listeners.forEach(l -> l.accept(change));
    }

    /** Null until the agent first said. */
    public Boolean ready() {
        return ready;
    }

    @Override
    public void onRoleChange(Consumer<RoleChange> listener) {
        listeners.add(listener);
    }

    @Override
    public void stepDown() {
        become(Role.BACKUP);
    }

    @Override
    public void setReady(boolean ready) {
        this.ready = ready;
    }

    @Override
    public void close() {
    }
}
