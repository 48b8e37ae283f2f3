package io.ballast.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The whole description of one cluster: what the operator edits, what the agents enforce.
 * Immutable; every change makes a new spec with a new revision.
 *
 * @param schemaVersion   version of this JSON shape; see {@link #SCHEMA_VERSION}
 * @param name            the cluster's name
 * @param form            SINGLE, HA_PAIR or STREAMLINE
 * @param revision        increases with every change the agent accepts
 * @param directors       the machines that run the agent
 * @param virtualServices the services and their real servers
 * @param failover        VRRP settings; null for SINGLE
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClusterSpec(
        @JsonProperty(required = true) int schemaVersion,
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) ClusterForm form,
        long revision,
        List<Director> directors,
        List<VirtualService> virtualServices,
        FailoverSettings failover) {

    public static final int SCHEMA_VERSION = 1;

    public ClusterSpec {
        directors = directors == null ? List.of() : List.copyOf(directors);
        virtualServices = virtualServices == null ? List.of() : List.copyOf(virtualServices);
    }

    public ClusterSpec withRevision(long newRevision) {
        return new ClusterSpec(schemaVersion, name, form, newRevision, directors, virtualServices, failover);
    }

    public ClusterSpec withVirtualServices(List<VirtualService> services) {
        return new ClusterSpec(schemaVersion, name, form, revision, directors, services, failover);
    }
}
