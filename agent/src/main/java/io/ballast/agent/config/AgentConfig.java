package io.ballast.agent.config;

import java.util.Map;

/**
 * The agent's own settings ({@code ballast-agent --config FILE}); not the cluster spec. Relative
 * paths are relative to the config file's directory. Example: docs/examples/agent-userspace.json.
 *
 * @param nodeId                   this director's id; matches a director of the spec
 * @param listenAddress            address of the HTTPS API
 * @param listenPort               port of the HTTPS API
 * @param stateDir                 specs, TLS key, token hash, journal and stats live here
 * @param dataPlane                "userspace", "nftables" or "ipvs"
 * @param dataPlaneSettings        plane-specific settings, passed through
 * @param failoverEngine           "single" (lab and keepalived engines plug in the same way)
 * @param failoverSettings         engine-specific settings, passed through
 * @param initialSpec              spec file applied on first start when the store is empty, or null
 * @param reconcileIntervalSeconds how often the table is compared with the spec (drift repair)
 */
public record AgentConfig(
        String nodeId,
        String listenAddress,
        Integer listenPort,
        String stateDir,
        String dataPlane,
        Map<String, String> dataPlaneSettings,
        String failoverEngine,
        Map<String, String> failoverSettings,
        String initialSpec,
        Integer reconcileIntervalSeconds) {

    public AgentConfig {
        dataPlaneSettings = dataPlaneSettings == null ? Map.of() : Map.copyOf(dataPlaneSettings);
        failoverSettings = failoverSettings == null ? Map.of() : Map.copyOf(failoverSettings);
        failoverEngine = failoverEngine == null ? "single" : failoverEngine;
        listenAddress = listenAddress == null ? "127.0.0.1" : listenAddress;
        reconcileIntervalSeconds = reconcileIntervalSeconds == null ? 10 : reconcileIntervalSeconds;
    }
}
