package io.ballast.model.plan;

import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;

/** A new virtual service, together with its real servers, so it is never reachable without a destination. */
public record AddService(VirtualService added) implements Operation {

    @Override
    public ServiceKey service() {
        return added.key();
    }

    @Override
    public String summary() {
        String scheduler = added.scheduler() == null ? "no scheduler" : added.scheduler().wireName();
        return PlanText.label(added) + " — add service (" + scheduler + ", "
                + PlanText.plural(added.realServers().size(), "real server") + ")";
    }
}
