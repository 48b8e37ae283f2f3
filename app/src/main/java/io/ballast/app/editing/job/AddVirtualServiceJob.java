package io.ballast.app.editing.job;

import io.ballast.model.ClusterSpec;
import io.ballast.model.VirtualService;

/** Adds a virtual service (dragged out of the palette, or pasted). Refused when its key is taken. */
public final class AddVirtualServiceJob extends SpecTransformJob {

    private final VirtualService service;

    public AddVirtualServiceJob(SpecDocument document, VirtualService service) {
        super(document);
        this.service = service;
    }

    @Override
    protected ClusterSpec transform(ClusterSpec spec) {
        if (SpecEdits.serviceIndex(spec, service.key()) >= 0) {
            return null;
        }
        return SpecEdits.plusService(spec, service);
    }

    @Override
    public String description() {
        return "Add virtual service " + SpecEdits.label(service);
    }
}
