package io.ballast.app.connection;

import io.ballast.model.ClusterSpec;
import io.ballast.model.api.CounterSnapshot;

/** What a live agent connection reports; every call arrives on the UI thread. */
public interface AgentListener {

    void connectionChanged(String director, ConnectionState state, String message);

    void status(String director, AgentStatus status);

    void config(String director, ClusterSpec spec);

    void counters(String director, CounterSnapshot snapshot);

    void event(String director, AgentEvent event);
}
