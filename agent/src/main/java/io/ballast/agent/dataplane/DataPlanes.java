package io.ballast.agent.dataplane;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the data plane the agent config names among the providers on the class path. */
public final class DataPlanes {

    private DataPlanes() {
    }

    public static DataPlane open(String name, PlaneOptions options) throws DataPlaneException {
        List<String> known = new ArrayList<>();
        for (DataPlaneProvider provider : ServiceLoader.load(DataPlaneProvider.class)) {
            if (provider.name().equals(name)) {
                return provider.open(options);
            }
            known.add(provider.name());
        }
        throw new DataPlaneException("no data plane named '" + name + "' is installed; this agent has "
                + (known.isEmpty() ? "none" : String.join(", ", known)));
    }
}
