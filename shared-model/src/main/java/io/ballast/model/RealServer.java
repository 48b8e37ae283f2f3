package io.ballast.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One destination of a virtual service. Identified within its service by {@link #key()}.
 *
 * @param name           operator's label (e.g. "web-4"); optional
 * @param address        IPv4 or IPv6 literal
 * @param port           destination port; 0 for firewall-mark services that keep the client's port
 * @param weight         0..65535; 0 takes no new connections
 * @param forwarding     null means the virtual service's default
 * @param upperThreshold stop sending new connections above this many; 0 = no limit
 * @param lowerThreshold resume below this many; 0 = no limit
 * @param os             decides which probes can watch it
 * @param state          the operator's administrative state
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RealServer(
        String name,
        @JsonProperty(required = true) String address,
        int port,
        @JsonProperty(required = true) int weight,
        ForwardingMethod forwarding,
        int upperThreshold,
        int lowerThreshold,
        OsType os,
        AdminState state) {

    public RealServer {
        os = os == null ? OsType.LINUX : os;
        state = state == null ? AdminState.ACTIVE : state;
    }

    /** A Linux server, active, forwarding by its service's default. */
    public static RealServer of(String name, String address, int port, int weight) {
        return new RealServer(name, address, port, weight, null, 0, 0, OsType.LINUX, AdminState.ACTIVE);
    }

    /** Identity within its virtual service: address and port, as the kernel knows it. */
    public String key() {
        return Addresses.endpoint(address, port);
    }

    public RealServer withWeight(int newWeight) {
        return new RealServer(name, address, port, newWeight, forwarding, upperThreshold, lowerThreshold, os, state);
    }

    public RealServer withState(AdminState newState) {
        return new RealServer(name, address, port, weight, forwarding, upperThreshold, lowerThreshold, os, newState);
    }

    /** The method actually used: this server's own, or the service's default. */
    public ForwardingMethod effectiveForwarding(ForwardingMethod serviceDefault) {
        return forwarding != null ? forwarding : serviceDefault;
    }
}
