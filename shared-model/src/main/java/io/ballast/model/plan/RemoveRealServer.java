package io.ballast.model.plan;

import io.ballast.model.RealServer;
import io.ballast.model.ServiceKey;

/** A real server leaves its service: its open connections are dropped unless it was drained first. */
public record RemoveRealServer(ServiceKey service, RealServer server) implements Operation {

    @Override
    public String summary() {
        return service + " — remove real server " + PlanText.label(server)
                + " (open connections are dropped unless it was drained first)";
    }
}
