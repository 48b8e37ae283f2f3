package io.ballast.agent.failover.keepalived;

import io.ballast.model.keepalived.VrrpOptions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The keepalived engine's settings from the agent config ({@code failoverSettings}).
 *
 * @param executable           keepalived's path ("keepalived")
 * @param netns                run keepalived in this network namespace (tests, the lab's --kernel mode); null: here
 * @param interfaceOverride    interface for adverts and VIPs instead of the director's own; null keeps it
 * @param stepDownHoldMillis   after a step-down, how long the director stays out before competing again
 * @param gatewayInterface     interface of the real servers' network, which carries the gateway VIPs of a NAT
 *                             cluster ({@code failover.gatewayVips}); null: the VRRP interface
 * @param gatewaySourceAddress this director's address on that network (the gateway instance advertises from it)
 * @param gatewayPeers         the peers' addresses on that network; empty: the VIP instance's peers
 */
public record KeepalivedSettings(String executable, String netns, String interfaceOverride, long stepDownHoldMillis,
                                 String gatewayInterface, String gatewaySourceAddress, List<String> gatewayPeers) {

    public KeepalivedSettings {
        gatewayPeers = gatewayPeers == null ? List.of() : List.copyOf(gatewayPeers);
    }

    /** Reads the settings; {@code gatewayPeers} is a comma-separated list of addresses. */
    public static KeepalivedSettings from(Map<String, String> settings) {
        String peers = settings.getOrDefault("gatewayPeers", "");
        return new KeepalivedSettings(settings.getOrDefault("keepalived", "keepalived"), settings.get("netns"),
                settings.get("interface"), Long.parseLong(settings.getOrDefault("stepDownHoldMillis", "10000")),
                settings.get("gatewayInterface"), settings.get("gatewaySourceAddress"),
                Arrays.stream(peers.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList());
    }

    List<String> launcher() {
        return netns == null ? List.of() : List.of("ip", "netns", "exec", netns);
    }

    VrrpOptions options(Path runDir) {
        VrrpOptions options = VrrpOptions.forAgent(runDir.toString());
        if (interfaceOverride != null) {
            options = options.withInterfaceOverride(interfaceOverride);
        }
        if (gatewayInterface != null || gatewaySourceAddress != null || !gatewayPeers.isEmpty()) {
            options = options.withGateway(gatewayInterface, gatewaySourceAddress, gatewayPeers);
        }
        return options;
    }
}
