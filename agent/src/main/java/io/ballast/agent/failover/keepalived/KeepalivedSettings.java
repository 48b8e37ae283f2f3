package io.ballast.agent.failover.keepalived;

import io.ballast.model.keepalived.VrrpOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The keepalived engine's settings from the agent config ({@code failoverSettings}).
 *
 * @param executable         keepalived's path ("keepalived")
 * @param netns              run keepalived in this network namespace (tests, the lab's --kernel mode); null: here
 * @param interfaceOverride  interface for adverts and VIPs instead of the director's own; null keeps it
 * @param stepDownHoldMillis after a step-down, how long the director stays out before competing again
 */
public record KeepalivedSettings(String executable, String netns, String interfaceOverride, long stepDownHoldMillis) {

    public static KeepalivedSettings from(Map<String, String> settings) {
        return new KeepalivedSettings(settings.getOrDefault("keepalived", "keepalived"), settings.get("netns"),
                settings.get("interface"), Long.parseLong(settings.getOrDefault("stepDownHoldMillis", "10000")));
    }

    List<String> launcher() {
        return netns == null ? List.of() : List.of("ip", "netns", "exec", netns);
    }

    VrrpOptions options(Path runDir) {
        VrrpOptions options = VrrpOptions.forAgent(runDir.toString());
        return interfaceOverride == null ? options : options.withInterfaceOverride(interfaceOverride);
    }
}
