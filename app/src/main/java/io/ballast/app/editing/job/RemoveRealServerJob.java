package io.ballast.app.editing.job;

import io.ballast.model.ClusterSpec;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;

/** Removes one real server from its service (a drop on the bin, or Delete). */
public final class RemoveRealServerJob extends SpecTransformJob {

    private final ServiceKey service;
    private final String serverKey;
    private final String label;

    public RemoveRealServerJob(SpecDocument document, ServiceKey service, String serverKey) {
        super(document);
        this.service = service;
        this.serverKey = serverKey;
        this.label = labelNow(document.spec(), service, serverKey);
    }

    @Override
    protected ClusterSpec transform(ClusterSpec spec) {
        int index = SpecEdits.serviceIndex(spec, service);
        if (index < 0) {
            return null;
        }
        VirtualService from = spec.virtualServices().get(index);
        int server = SpecEdits.serverIndex(from, serverKey);
        if (server < 0) {
            return null;
        }
        return SpecEdits.withService(spec, index, SpecEdits.withoutServer(from, server));
    }

    @Override
    public String description() {
        return "Remove real server " + label + " from " + AddRealServerJob.serviceLabel(document().spec(), service);
    }

    static String labelNow(ClusterSpec spec, ServiceKey service, String serverKey) {
        int index = SpecEdits.serviceIndex(spec, service);
        if (index >= 0) {
            VirtualService vs = spec.virtualServices().get(index);
            int server = SpecEdits.serverIndex(vs, serverKey);
            if (server >= 0) {
                return SpecEdits.label(vs.realServers().get(server));
            }
        }
        return serverKey;
    }
}
