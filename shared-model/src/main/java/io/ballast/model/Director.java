package io.ballast.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Linux machine that runs the Ballast agent and balances the cluster's traffic.
 *
 * @param id            unique name within the cluster ("lb-a")
 * @param address       the director's own address on the VRRP network
 * @param agentEndpoint the agent's API, e.g. "https://192.0.2.11:9443"
 * @param priority      VRRP priority 1..254; the higher one is master
 * @param iface         network interface that carries the VIPs and VRRP adverts
 */
public record Director(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String address,
        @JsonProperty(required = true) String agentEndpoint,
        int priority,
        String iface) {
}
