package io.ballast.agent.failover;

import java.nio.file.Path;
import java.util.Map;

/**
 * Makes one kind of failover engine; found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.ballast.agent.failover.FailoverEngineProvider}), like data planes.
 */
public interface FailoverEngineProvider {

    /** "single", "lab" or "keepalived". */
    String name();

    /**
     * Opens the engine for this node; refuses with an operator's sentence if the host cannot run it.
     *
     * @param settings engine-specific settings from the agent config ("keepalived", "notifyFifo"…)
     */
    FailoverEngine open(String nodeId, Path stateDir, Map<String, String> settings) throws FailoverException;
}
