package io.ballast.app.connection;

import io.ballast.model.api.Role;
import java.util.List;

/**
 * What one agent says about itself (GET /api/v1/status), as the client needs it.
 *
 * @param node       the director's id
 * @param role       its VRRP role; INIT when the agent did not say
 * @param plane      the data plane it runs ("ipvs", "nftables", "userspace")
 * @param revision   revision of the spec it enforces
 * @param specHash   hash of that spec; equal on two directors exactly when they enforce the same thing
 * @param form       cluster form as the agent knows it, or null
 * @param healthUp   real servers it finds healthy
 * @param healthDown real servers it finds failed
 * @param verdicts   per real server verdicts
 */
public record AgentStatus(
        String node,
        Role role,
        String plane,
        long revision,
        String specHash,
        String form,
        int healthUp,
        int healthDown,
        List<HealthVerdict> verdicts) {

    public AgentStatus {
        role = role == null ? Role.INIT : role;
        verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
    }

    /** One health verdict: is this real server of this service fit for traffic, and why not. */
    public record HealthVerdict(String service, String realServer, boolean up, String detail) {
    }
}
