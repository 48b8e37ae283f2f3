package io.ballast.app.editing.job;

import io.ballast.model.ClusterSpec;
import io.ballast.model.RealServer;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;
import java.util.List;

/** Adds one real server to a service (a drop of a palette server on a VIP card). */
public final class AddRealServerJob extends SpecTransformJob {

    private final ServiceKey service;
    private final RealServer server;

    public AddRealServerJob(SpecDocument document, ServiceKey service, RealServer server) {
        super(document);
        this.service = service;
        this.server = server;
    }

    @Override
    protected ClusterSpec transform(ClusterSpec spec) {
        int index = SpecEdits.serviceIndex(spec, service);
        if (index < 0) {
            return null;
        }
        VirtualService target = spec.virtualServices().get(index);
        if (SpecEdits.serverIndex(target, server.key()) >= 0) {
            return null;
        }
        return SpecEdits.withService(spec, index, SpecEdits.plusServers(target, List.of(server)));
    }

    @Override
    public String description() {
        return "Add real server " + SpecEdits.label(server) + " to " + serviceLabel(document().spec(), service);
    }

    static String serviceLabel(ClusterSpec spec, ServiceKey key) {
        int index = SpecEdits.serviceIndex(spec, key);
        return index < 0 ? key.toString() : SpecEdits.label(spec.virtualServices().get(index));
    }
}
