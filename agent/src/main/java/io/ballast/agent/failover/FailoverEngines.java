package io.ballast.agent.failover;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Finds the failover engine the config names among those on the class path. */
public final class FailoverEngines {

    private FailoverEngines() {
    }

    public static FailoverEngine open(String name, String nodeId, Path stateDir, Map<String, String> settings)
            throws FailoverException {
        List<String> known = new ArrayList<>();
        for (FailoverEngineProvider provider : ServiceLoader.load(FailoverEngineProvider.class)) {
            if (provider.name().equals(name)) {
                return provider.open(nodeId, stateDir, settings);
            }
            known.add(provider.name());
        }
        throw new FailoverException("no failover engine named '" + name + "' is installed; this agent has "
                + (known.isEmpty() ? "none" : String.join(", ", known)));
    }
}
