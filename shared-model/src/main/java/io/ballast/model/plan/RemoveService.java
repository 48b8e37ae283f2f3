package io.ballast.model.plan;

import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;

/** A virtual service leaves the table, and with it every connection it still carries. */
public record RemoveService(VirtualService removed) implements Operation {

    @Override
    public ServiceKey service() {
        return removed.key();
    }

    @Override
    public String summary() {
        return PlanText.label(removed) + " — remove service and its "
                + PlanText.plural(removed.realServers().size(), "real server");
    }
}
