package io.ballast.agent.failover.keepalived;

import io.ballast.agent.failover.FailoverEngine;
import io.ballast.agent.failover.FailoverEngineProvider;
import io.ballast.agent.failover.FailoverException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Registers {@link KeepalivedFailoverEngine} as "keepalived". Settings: {@code keepalived} (path),
 * {@code netns}, {@code interface}, {@code stepDownHoldMillis}.
 */
public final class KeepalivedFailoverEngineProvider implements FailoverEngineProvider {

    @Override
    public String name() {
        return KeepalivedFailoverEngine.NAME;
    }

    @Override
    public FailoverEngine open(String nodeId, Path stateDir, Map<String, String> settings) throws FailoverException {
        try {
            return new KeepalivedFailoverEngine(nodeId, stateDir, KeepalivedSettings.from(settings));
        } catch (NumberFormatException e) {
            throw new FailoverException("keepalived setting 'stepDownHoldMillis' must be a number of milliseconds");
        }
    }
}
