package io.ballast.app.connection;

import java.util.List;

/**
 * A cluster the operator added: its name, the token, and each agent with its pinned fingerprint.
 * {@link #toString()} never shows the token.
 */
public record SavedCluster(String name, String token, List<SavedAgent> agents) {

    public SavedCluster {
        agents = agents == null ? List.of() : List.copyOf(agents);
    }

    /** One agent of a saved cluster. */
    public record SavedAgent(String address, String fingerprint) {
    }

    public List<AgentEndpoint> endpoints() {
        return agents.stream().map(a -> AgentEndpoint.of(a.address(), token, a.fingerprint())).toList();
    }

    @Override
    public String toString() {
        return "SavedCluster[" + name + ", agents=" + agents + "]";
    }
}
