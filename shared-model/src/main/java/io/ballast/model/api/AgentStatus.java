package io.ballast.model.api;

import io.ballast.model.ClusterForm;

/**
 * Body of GET /api/v1/status: what one agent is and what it enforces.
 *
 * @param nodeId         this director's id
 * @param role           its failover role now
 * @param plane          data plane name ("userspace", "nftables", "ipvs")
 * @param labPlane       true when the plane is the userspace one, for the lab and tests only
 * @param failoverEngine "single", "lab" or "keepalived"
 * @param revision       revision of the spec in effect
 * @param specHash       SHA-256 of the spec without its revision (equal on directors that enforce the same thing)
 * @param clusterName    the spec's cluster name
 * @param form           the spec's cluster form
 * @param health         up/down/unchecked counts and each server's verdict
 * @param startedAtMillis when this agent process started
 */
public record AgentStatus(
        String nodeId,
        Role role,
        String plane,
        boolean labPlane,
        String failoverEngine,
        long revision,
        String specHash,
        String clusterName,
        ClusterForm form,
        HealthSummary health,
        long startedAtMillis) {
}
