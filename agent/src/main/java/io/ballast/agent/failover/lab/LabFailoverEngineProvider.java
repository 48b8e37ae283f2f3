package io.ballast.agent.failover.lab;

import io.ballast.agent.failover.FailoverEngine;
import io.ballast.agent.failover.FailoverEngineProvider;
import io.ballast.agent.failover.FailoverException;
import io.ballast.model.Addresses;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Registers {@link LabFailoverEngine} as "lab". Settings: {@code bind} (host:port the adverts arrive
 * on) and {@code peers} (comma-separated host:port of the other directors' engines).
 */
public final class LabFailoverEngineProvider implements FailoverEngineProvider {

    @Override
    public String name() {
        return LabFailoverEngine.NAME;
    }

    @Override
    public FailoverEngine open(String nodeId, Path stateDir, Map<String, String> settings) throws FailoverException {
        String bind = settings.get("bind");
        if (bind == null) {
            throw new FailoverException("the lab failover engine needs the setting 'bind' (host:port for adverts)");
        }
        List<InetSocketAddress> peers = new ArrayList<>();
        for (String peer : settings.getOrDefault("peers", "").split(",")) {
            if (!peer.isBlank()) {
                peers.add(endpoint("peers", peer.strip()));
            }
        }
        return new LabFailoverEngine(nodeId, endpoint("bind", bind), peers);
    }

    private static InetSocketAddress endpoint(String setting, String text) throws FailoverException {
        try {
            String[] hostPort = Addresses.splitEndpoint(text);
            if (!Addresses.isLiteral(hostPort[0])) {
                throw new FailoverException("lab failover setting '" + setting + "': '" + hostPort[0]
                        + "' is not an IP address");
            }
            return new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
        } catch (IllegalArgumentException e) {
            throw new FailoverException("lab failover setting '" + setting + "': " + e.getMessage());
        }
    }
}
