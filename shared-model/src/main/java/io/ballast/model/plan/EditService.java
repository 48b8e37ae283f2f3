package io.ballast.model.plan;

import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;

/**
 * A change of a service's own settings (scheduler, flags, persistence, default forwarding, sorry server,
 * health check, label) in place: never a remove and re-add, which would drop live connections.
 * The real servers are not part of this step; {@code after.realServers()} equals {@code before.realServers()}.
 */
public record EditService(VirtualService before, VirtualService after) implements Operation {

    @Override
    public ServiceKey service() {
        return after.key();
    }

    @Override
    public String summary() {
        return PlanText.label(after) + " — " + PlanText.serviceChanges(before, after);
    }
}
