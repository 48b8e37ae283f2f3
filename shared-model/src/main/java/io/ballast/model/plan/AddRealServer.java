package io.ballast.model.plan;

import io.ballast.model.RealServer;
import io.ballast.model.ServiceKey;

/** A real server joins an existing service. */
public record AddRealServer(ServiceKey service, RealServer server) implements Operation {

    @Override
    public String summary() {
        return service + " — add real server " + PlanText.label(server) + " weight " + server.weight();
    }
}
