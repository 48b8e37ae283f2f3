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
        return PlanText.label(added) + " — add service (" + added.scheduler().wireName() + ", "
                + added.realServers().size() + " real server" + (added.realServers().size() == 1 ? "" : "s") + ")";
    }
}
