package io.ballast.agent.testsupport;

import io.ballast.agent.dataplane.DataPlane;
import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.dataplane.DataPlaneProvider;
import io.ballast.agent.dataplane.PlaneOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registers {@link InMemoryDataPlane} as plane "memory" (test class path only). Setting
 * {@code tableFile} makes the table outlive the process. Planes opened in this JVM are kept by
 * state directory so in-process tests can reach the plane of the agent they started.
 */
public final class InMemoryDataPlaneProvider implements DataPlaneProvider {

    private static final Map<Path, InMemoryDataPlane> OPENED = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return InMemoryDataPlane.NAME;
    }

    @Override
    public DataPlane open(PlaneOptions options) throws DataPlaneException {
        String file = options.setting("tableFile", null);
        InMemoryDataPlane plane = new InMemoryDataPlane(file == null ? null : Path.of(file));
        OPENED.put(options.stateDir().toAbsolutePath(), plane);
        return plane;
    }

    public static InMemoryDataPlane openedFor(Path stateDir) {
        return OPENED.get(stateDir.toAbsolutePath());
    }
}
