package io.ballast.agent.dataplane;

/**
 * Makes one kind of data plane; found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.ballast.agent.dataplane.DataPlaneProvider}), so a plane is added
 * without touching the agent's wiring. The agent's config names the plane by {@link #name()}.
 */
public interface DataPlaneProvider {

    /** "userspace", "nftables" or "ipvs". */
    String name();

    /** Opens the plane; refuses with an operator's sentence if this host cannot run it (no IPVS, no nft…). */
    DataPlane open(PlaneOptions options) throws DataPlaneException;
}
