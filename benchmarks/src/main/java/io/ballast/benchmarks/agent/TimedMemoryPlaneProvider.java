package io.ballast.benchmarks.agent;

import io.ballast.agent.dataplane.DataPlane;
import io.ballast.agent.dataplane.DataPlaneProvider;
import io.ballast.agent.dataplane.PlaneOptions;

/** Registers {@link TimedMemoryPlane} as "bench-memory"; the last one opened is what the benchmark watches. */
public final class TimedMemoryPlaneProvider implements DataPlaneProvider {

    static volatile TimedMemoryPlane lastOpened;

    @Override
    public String name() {
        return "bench-memory";
    }

    @Override
    public DataPlane open(PlaneOptions options) {
        lastOpened = new TimedMemoryPlane();
        return lastOpened;
    }
}
