package io.ballast.agent.dataplane.userspace;

import io.ballast.agent.dataplane.DataPlane;
import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.dataplane.DataPlaneProvider;
import io.ballast.agent.dataplane.PlaneOptions;

/** The "userspace" plane: a TCP/UDP forwarder for the lab and tests. Runs anywhere, needs no privilege. */
public final class UserspacePlaneProvider implements DataPlaneProvider {

    @Override
    public String name() {
        return "userspace";
    }

    @Override
    public DataPlane open(PlaneOptions options) throws DataPlaneException {
        return UserspaceDataPlane.open(options);
    }
}
