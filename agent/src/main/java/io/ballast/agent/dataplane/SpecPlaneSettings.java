package io.ballast.agent.dataplane;

import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plane settings that follow from the cluster spec, so the defaults fit the cluster's form without
 * the operator repeating the spec in the agent config (whose own settings win):
 * <ul>
 * <li>{@code gatewayVips} — an HA_PAIR's {@code failover.gatewayVips}, comma-separated: the floating
 *     address the nftables plane source-NATs to, so a connection keeps working on whichever director
 *     holds the VIPs (see docs/dataplane-nftables.md, "Source NAT in a pair").</li>
 * </ul>
 * Read when the plane opens: a changed gateway VIP reaches the plane at the agent's next start.
 */
public final class SpecPlaneSettings {

    private SpecPlaneSettings() {
    }

    public static Map<String, String> of(Map<String, String> configured, ClusterSpec spec) {
        Map<String, String> settings = new LinkedHashMap<>(configured);
        if (spec.form() == ClusterForm.HA_PAIR && spec.failover() != null && !spec.failover().gatewayVips().isEmpty()) {
            settings.putIfAbsent("gatewayVips", String.join(",", spec.failover().gatewayVips()));
        }
        return settings;
    }
}
