package io.ballast.model.keepalived;

import java.util.List;

/**
 * How the agent wants keepalived's VRRP configured on its director.
 *
 * @param notifyFifo             keepalived writes its state changes here ({@code notify_fifo}); null for none
 * @param trackFile              file whose number (times {@code trackWeight}) keepalived adds to the priority,
 *                               so the agent can hold back a restored master without a reload; null for none
 * @param trackWeight            multiplier of the track file's value, 1..254
 * @param interfaceOverride      interface for the VRRP adverts and VIPs instead of the director's; null keeps it
 * @param stateDir               the agent's runtime directory; the defaults of the paths above live in it
 * @param realtimePriority       {@code vrrp_rt_priority} 1..99 (needs CAP_SYS_NICE), null to leave scheduling alone
 * @param noSwap                 {@code vrrp_no_swap}: lock the VRRP process in memory
 * @param garpMasterDelaySeconds {@code vrrp_garp_master_delay}; null keeps keepalived's 5 s
 * @param scriptUser             {@code script_user} with {@code enable_script_security}; null when no script runs
 * @param gatewayInterface       interface of the internal network that carries the gateway VIPs; null: the VRRP interface
 * @param gatewaySourceAddress   this director's address on that network, for the gateway instance's adverts;
 *                               null: the director's own address
 * @param gatewayPeers           the peers' addresses on that network; empty: the same peers as the VIP instance
 */
public record VrrpOptions(
        String notifyFifo,
        String trackFile,
        int trackWeight,
        String interfaceOverride,
        String stateDir,
        Integer realtimePriority,
        boolean noSwap,
        Integer garpMasterDelaySeconds,
        String scriptUser,
        String gatewayInterface,
        String gatewaySourceAddress,
        List<String> gatewayPeers) {

    public VrrpOptions {
        gatewayPeers = gatewayPeers == null ? List.of() : List.copyOf(gatewayPeers);
        if (trackWeight < 1 || trackWeight > 254) {
            throw new IllegalArgumentException("the track file weight must be between 1 and 254, not " + trackWeight);
        }
        if (realtimePriority != null && (realtimePriority < 1 || realtimePriority > 99)) {
            throw new IllegalArgumentException("the realtime priority must be between 1 and 99, not " + realtimePriority);
        }
    }

    /**
     * The agent's defaults: notify FIFO {@code <stateDir>/vrrp.fifo}, track file {@code <stateDir>/vrrp.track}
     * with weight 1, realtime priority 50, no swapping, second gratuitous ARPs after 1 s.
     */
    public static VrrpOptions forAgent(String stateDir) {
        String dir = stateDir.endsWith("/") ? stateDir.substring(0, stateDir.length() - 1) : stateDir;
        return new VrrpOptions(dir + "/vrrp.fifo", dir + "/vrrp.track", 1, null, dir, 50, true, 1, null,
                null, null, List.of());
    }

    /** Nothing agent-specific: what an exported configuration for a director without Ballast uses. */
    public static VrrpOptions standalone() {
        return new VrrpOptions(null, null, 1, null, null, null, false, null, null, null, null, List.of());
    }

    public VrrpOptions withInterfaceOverride(String iface) {
        return new VrrpOptions(notifyFifo, trackFile, trackWeight, iface, stateDir, realtimePriority, noSwap,
                garpMasterDelaySeconds, scriptUser, gatewayInterface, gatewaySourceAddress, gatewayPeers);
    }

    public VrrpOptions withGateway(String iface, String sourceAddress, List<String> peers) {
        return new VrrpOptions(notifyFifo, trackFile, trackWeight, interfaceOverride, stateDir, realtimePriority, noSwap,
                garpMasterDelaySeconds, scriptUser, iface, sourceAddress, peers);
    }

    public VrrpOptions withScriptUser(String user) {
        return new VrrpOptions(notifyFifo, trackFile, trackWeight, interfaceOverride, stateDir, realtimePriority, noSwap,
                garpMasterDelaySeconds, user, gatewayInterface, gatewaySourceAddress, gatewayPeers);
    }
}
