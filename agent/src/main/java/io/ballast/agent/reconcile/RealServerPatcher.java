package io.ballast.agent.reconcile;

import io.ballast.agent.reconcile.ChangeRefusedException.Reason;
import io.ballast.model.ClusterSpec;
import io.ballast.model.RealServer;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;
import io.ballast.model.api.RealServerPatch;
import io.ballast.model.validate.Problem;
import java.util.ArrayList;
import java.util.List;

/** Applies a {@link RealServerPatch} to a spec: finds the server, checks the new values, returns the new spec. */
final class RealServerPatcher {

    /** The patched spec and the index of the service that changed. */
    record Patched(ClusterSpec spec, int serviceIndex) {
    }

    private RealServerPatcher() {
    }

    static Patched apply(ClusterSpec spec, ServiceKey serviceKey, String serverKey, RealServerPatch patch)
            throws ChangeRefusedException {
        List<VirtualService> services = spec.virtualServices();
        for (int i = 0; i < services.size(); i++) {
            VirtualService vs = services.get(i);
            if (!vs.key().equals(serviceKey)) {
                continue;
            }
            List<RealServer> servers = new ArrayList<>(vs.realServers());
            for (int j = 0; j < servers.size(); j++) {
                if (servers.get(j).key().equals(serverKey)) {
                    servers.set(j, patched(servers.get(j), patch, spec.revision(), i, j));
                    List<VirtualService> changed = new ArrayList<>(services);
                    changed.set(i, vs.withRealServers(servers));
                    return new Patched(spec.withVirtualServices(changed), i);
                }
            }
            throw notFound(spec, "service " + serviceKey + " has no real server " + serverKey);
        }
        throw notFound(spec, "there is no service " + serviceKey + " in revision " + spec.revision());
    }

    private static RealServer patched(RealServer server, RealServerPatch patch, long revision, int i, int j)
            throws ChangeRefusedException {
        if (patch.weight() == null && patch.state() == null) {
            throw new ChangeRefusedException(Reason.INVALID,
                    List.of(new Problem("", "the patch changes nothing: give a weight, a state, or both")), revision);
        }
        RealServer result = server;
        if (patch.weight() != null) {
            if (patch.weight() < 0 || patch.weight() > 65535) {
                throw new ChangeRefusedException(Reason.INVALID,
                        List.of(new Problem("/weight", "must be between 0 and 65535, was " + patch.weight())), revision);
            }
            result = result.withWeight(patch.weight());
        }
        if (patch.state() != null) {
            result = result.withState(patch.state());
        }
        return result;
    }

    private static ChangeRefusedException notFound(ClusterSpec spec, String message) {
        return new ChangeRefusedException(Reason.NOT_FOUND, List.of(new Problem("", message)), spec.revision());
    }
}
