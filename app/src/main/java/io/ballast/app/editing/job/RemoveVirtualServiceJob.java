package io.ballast.app.editing.job;

import io.ballast.model.ClusterSpec;
import io.ballast.model.ServiceKey;

/** Removes a virtual service with all its real servers (its VIP card dropped on the bin). */
public final class RemoveVirtualServiceJob extends SpecTransformJob {

    private final ServiceKey service;
    private final String label;

    public RemoveVirtualServiceJob(SpecDocument document, ServiceKey service) {
        super(document);
        this.service = service;
        this.label = AddRealServerJob.serviceLabel(document.spec(), service);
    }

    @Override
    protected ClusterSpec transform(ClusterSpec spec) {
        int index = SpecEdits.serviceIndex(spec, service);
        return index < 0 ? null : SpecEdits.withoutService(spec, index);
    }

    @Override
    public String description() {
        return "Remove virtual service " + label;
    }
}
