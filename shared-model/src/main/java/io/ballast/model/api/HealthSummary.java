package io.ballast.model.api;

import java.util.List;

/** How many real servers are up, down, or have no check, and each one's verdict. */
public record HealthSummary(int up, int down, int unchecked, List<ServerHealth> servers) {

    public HealthSummary {
        servers = List.copyOf(servers);
    }
}
