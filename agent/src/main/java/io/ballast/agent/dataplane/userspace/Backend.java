package io.ballast.agent.dataplane.userspace;

import io.ballast.agent.dataplane.scheduling.Destination;
import io.ballast.agent.dataplane.scheduling.OverloadRule;
import io.ballast.model.AdminState;
import io.ballast.model.RealServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A real server (or a service's sorry server) as the forwarder keeps it: its table entry, its
 * connection counts and overloaded flag, and the connections it carries, so that removing it can
 * close them. Only the event loop touches it.
 */
final class Backend implements Destination {

    private RealServer server;
    // Made once: the stats sampler asks for it every second, for every server.
    private final String key;
    private final InetSocketAddress target;
    private final TrafficCounters counters = new TrafficCounters();
    private final Set<ForwardedConnection> connections = new LinkedHashSet<>();
    private int lastWeight;
    private boolean overloaded;
    private boolean available = true;
    private long connectFailures;

    Backend(RealServer server, InetAddress address) {
        this.server = server;
        this.key = server.key();
        this.target = new InetSocketAddress(address, server.port());
        this.lastWeight = server.weight();
    }

    RealServer server() {
        return server;
    }

    String key() {
        return key;
    }

    InetSocketAddress target() {
        return target;
    }

    TrafficCounters counters() {
        return counters;
    }

    long connectFailures() {
        return connectFailures;
    }

    void countConnectFailure() {
        connectFailures++;
    }

    /** Takes a new table entry for the same address and port (so the same key); thresholds and weight apply at once. */
    void update(RealServer updated) {
        overloaded = OverloadRule.afterEdit(overloaded, server.upperThreshold(), updated.upperThreshold());
        server = updated;
        if (updated.weight() > 0) {
            lastWeight = updated.weight();
        }
    }

    /** The server left the table: no new connections, and the ones it carries are closed. */
    void retire() {
        available = false;
        for (ForwardedConnection c : List.copyOf(connections)) {
            c.abort();
        }
    }

    void bind(ForwardedConnection connection, boolean active) {
        connections.add(connection);
        counters.connections++;
        if (active) {
            counters.active++;
        } else {
            counters.inactive++;
        }
        overloaded = OverloadRule.afterBind(overloaded, counters.total(), server.upperThreshold());
    }

    void becameActive() {
        counters.inactive--;
        counters.active++;
    }

    void becameInactive() {
        counters.active--;
        counters.inactive++;
    }

    void unbind(ForwardedConnection connection, boolean active) {
        if (!connections.remove(connection)) {
            return;
        }
        if (active) {
            counters.active--;
        } else {
            counters.inactive--;
        }
        overloaded = OverloadRule.afterUnbind(overloaded, counters.total(), server.upperThreshold(),
                server.lowerThreshold());
    }

    @Override
    public InetAddress address() {
        return target.getAddress();
    }

    @Override
    public int port() {
        return server.port();
    }

    /** Drained and maintenance servers take no new connections, whatever their configured weight. */
    @Override
    public int weight() {
        return server.state() == AdminState.ACTIVE ? server.weight() : 0;
    }

    @Override
    public int lastWeight() {
        return lastWeight;
    }

    @Override
    public boolean overloaded() {
        return overloaded;
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public int activeConnections() {
        return (int) counters.active;
    }

    @Override
    public int inactiveConnections() {
        return (int) counters.inactive;
    }
}
