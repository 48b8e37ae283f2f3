package io.ballast.model.plan;

import io.ballast.model.RealServer;
import io.ballast.model.ServiceKey;

/** A real server's weight, thresholds, forwarding or state change in place; its connections stay. */
public record EditRealServer(ServiceKey service, RealServer before, RealServer after) implements Operation {

    @Override
    public String summary() {
        return service + " — real server " + PlanText.label(after) + ": " + PlanText.serverChanges(before, after);
    }
}
