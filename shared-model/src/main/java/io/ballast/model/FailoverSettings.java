package io.ballast.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * How the directors of a cluster share its VIPs. All of a cluster's VIPs move together.
 *
 * @param vrid                VRRP virtual router id, 1..255, the same on both directors
 * @param advertIntervalMs    VRRPv3 advert interval (centisecond resolution on the wire)
 * @param preempt             true: a restored master takes the VIPs back once it is ready
 * @param preemptDelaySeconds how long a restored master waits before taking them back
 * @param unicastPeers        peers' addresses for unicast VRRP; empty derives them from the directors
 * @param connectionSync      synchronise the connection table between directors (IPVS sync daemon / conntrackd)
 * @param gatewayVips         internal addresses that NAT real servers route through; they fail over with the VIPs
 */
public record FailoverSettings(
        @JsonProperty(required = true) int vrid,
        @JsonProperty(required = true) int advertIntervalMs,
        boolean preempt,
        int preemptDelaySeconds,
        List<String> unicastPeers,
        boolean connectionSync,
        List<String> gatewayVips) {

    public FailoverSettings {
        unicastPeers = unicastPeers == null ? List.of() : List.copyOf(unicastPeers);
        gatewayVips = gatewayVips == null ? List.of() : List.copyOf(gatewayVips);
    }
}
