package io.ballast.agent.dataplane;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a plane is given when it opens.
 *
 * @param nodeId   this director's id (used to name owned tables and logs)
 * @param stateDir the agent's state directory, for files a plane keeps
 * @param settings plane-specific settings from the agent config ("table", "ipvsadm", "bindAddress"…)
 */
public record PlaneOptions(String nodeId, Path stateDir, Map<String, String> settings) {

    public PlaneOptions {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    public String setting(String key, String fallback) {
        return settings.getOrDefault(key, fallback);
    }
}
