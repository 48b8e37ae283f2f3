package io.ballast.app.main;

import io.ballast.app.concurrent.TaskExecutor;
import io.ballast.app.connection.AgentClient;
import io.ballast.app.connection.AgentConnection;
import io.ballast.app.connection.AgentEndpoint;
import io.ballast.app.connection.AgentEvent;
import io.ballast.app.connection.AgentListener;
import io.ballast.app.connection.AgentStatus;
import io.ballast.app.connection.ConnectionState;
import io.ballast.app.editing.apply.DirectorAgent;
import io.ballast.app.metrics.MetricsViewModel;
import io.ballast.app.timeline.TimelineViewModel;
import io.ballast.app.topology.ClusterViewModel;
import io.ballast.app.topology.DirectorItem;
import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.api.CounterSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One cluster on screen: the three ViewModels and the agent connections that feed them.
 * Simulations and tests call the {@link AgentListener} methods directly, exactly as the connections do.
 */
public final class LiveCluster implements AgentListener {

    private final ClusterViewModel cluster = new ClusterViewModel();
    private final MetricsViewModel metrics = new MetricsViewModel();
    private final TimelineViewModel timeline = new TimelineViewModel();
    private final List<AgentConnection> connections = new ArrayList<>();
    private final LongSupplier clock;
    private final Map<String, ConnectionState> stateByKey = new LinkedHashMap<>();
    private final Map<String, String> messageByKey = new HashMap<>();

    public LiveCluster(LongSupplier clock) {
        this.clock = clock;
    }

    /** Connects to every endpoint; the director id is taken from the agent's status once it answers. */
    public void connect(List<AgentEndpoint> endpoints, TaskExecutor executor) {
        connect("", endpoints, executor);
    }

    /**
     * As {@link #connect(List, TaskExecutor)}; until an agent sends the spec, each agent is shown as a
     * director named by its address, so agents that never answer are on screen as unreachable.
     */
    public void connect(String name, List<AgentEndpoint> endpoints, TaskExecutor executor) {
        if (cluster.spec() == null) {
            List<Director> placeholders = endpoints.stream()
                    .map(e -> new Director(endpointKey(e), e.baseUri().getHost(), e.baseUri().toString(), 0, null)).toList();
            cluster.applySpec(new ClusterSpec(ClusterSpec.SCHEMA_VERSION, name,
                    placeholders.size() > 1 ? ClusterForm.HA_PAIR : ClusterForm.SINGLE, 0, placeholders, List.of(), null));
        }
        for (AgentEndpoint endpoint : endpoints) {
            AgentConnection connection = new AgentConnection(endpointKey(endpoint), new AgentClient(endpoint), executor, this);
            connections.add(connection);
            connection.start();
        }
    }

    /**
     * Every connected director with the client of its agent and the revision it last reported: what
     * runtime actions are sent to. Empty until {@link #connect} (simulations have no agents).
     */
    public List<DirectorAgent> directorAgents() {
        List<DirectorAgent> agents = new ArrayList<>();
        for (AgentConnection connection : connections) {
            String id = directorId(connection.director());
            DirectorItem item = cluster.director(id);
            agents.add(new DirectorAgent(id, connection.client(), item == null ? 0 : item.revisionProperty().get()));
        }
        return agents;
    }

    public void close() {
        connections.forEach(AgentConnection::close);
        connections.clear();
    }

    @Override
    public void connectionChanged(String director, ConnectionState state, String message) {
        stateByKey.put(director, state);
        messageByKey.put(director, message);
        String id = directorId(director);
        cluster.applyConnection(id, state, message);
        timeline.connectionChanged(id, state, message, clock.getAsLong());
        if (!state.live()) {
            metrics.forget(id);
        }
    }

    @Override
    public void status(String director, AgentStatus status) {
        cluster.applyStatus(directorId(director), status);
    }

    @Override
    public void config(String director, ClusterSpec spec) {
        cluster.applySpec(spec);
        // states reported before the spec named the directors are carried over to them
        stateByKey.forEach((key, state) -> cluster.applyConnection(directorId(key), state, messageByKey.get(key)));
        timeline.setDirectors(spec.directors().stream().map(Director::id).toList());
    }

    @Override
    public void counters(String director, CounterSnapshot snapshot) {
        metrics.accept(directorId(director), snapshot);
        cluster.applyRates(metrics.latestProperty().get());
    }

    @Override
    public void history(String director, List<CounterSnapshot> snapshots) {
        metrics.backfill(directorId(director), snapshots);
    }

    @Override
    public void event(String director, AgentEvent event) {
        String id = directorId(director);
        timeline.accept(id, event);
        if ("SPLIT_BRAIN".equals(event.type())) {
            cluster.reportSplitBrain();
        } else if ("SPEC_MISMATCH".equals(event.type())) {
            cluster.reportSpecMismatch(event.node() != null ? event.node() : id);
        }
    }

    // Connections are keyed by endpoint until the spec says which director lives there.
    private String directorId(String key) {
        if (cluster.director(key) != null || cluster.spec() == null) {
            return key;
        }
        for (Director d : cluster.spec().directors()) {
            if (d.agentEndpoint() != null && key.equals(endpointKey(AgentEndpoint.of(d.agentEndpoint(), null, null)))) {
                return d.id();
            }
        }
        return key;
    }

    private static String endpointKey(AgentEndpoint endpoint) {
        return endpoint.baseUri().getHost() + ":" + endpoint.baseUri().getPort();
    }

    public ClusterViewModel cluster() {
        return cluster;
    }

    public MetricsViewModel metrics() {
        return metrics;
    }

    public TimelineViewModel timeline() {
        return timeline;
    }
}
