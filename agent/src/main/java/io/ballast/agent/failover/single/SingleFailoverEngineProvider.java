package io.ballast.agent.failover.single;

import io.ballast.agent.failover.FailoverEngine;
import io.ballast.agent.failover.FailoverEngineProvider;
import java.nio.file.Path;
import java.util.Map;

/** Registers {@link SingleFailoverEngine} under the name "single". */
public final class SingleFailoverEngineProvider implements FailoverEngineProvider {

    @Override
    public String name() {
        return SingleFailoverEngine.NAME;
    }

    @Override
    public FailoverEngine open(String nodeId, Path stateDir, Map<String, String> settings) {
        return new SingleFailoverEngine();
    }
}
