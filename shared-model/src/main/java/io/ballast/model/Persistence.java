package io.ballast.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Client affinity (ipvsadm -p, -M): connections from one client network go to the same real server
 * for {@code timeoutSeconds} after the last one.
 *
 * @param timeoutSeconds how long affinity outlives the last connection
 * @param netmask        clients grouped by this mask (IPv4 dotted, or an IPv6 prefix length such as "128")
 */
public record Persistence(@JsonProperty(required = true) int timeoutSeconds, String netmask) {
}
