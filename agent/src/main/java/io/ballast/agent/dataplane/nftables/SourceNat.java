package io.ballast.agent.dataplane.nftables;

import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.model.Addresses;
import java.util.ArrayList;
import java.util.List;

/**
 * What postrouting does to the source of a connection DNATed to a Ballast VIP, so the real server's
 * reply comes back through a director:
 * <ul>
 * <li>{@link Mode#MASQUERADE}: the director's own address on the way out. Right for one director;
 *     in a pair each director uses its own, so a connection the peer synchronised (conntrackd) still
 *     sends the server's replies to the peer — after a takeover or a fail-back they go astray.</li>
 * <li>{@link Mode#FLOATING}: a fixed address that moves with the VIPs (the cluster's gateway VIP on
 *     the real servers' network). Both directors write the same NAT binding, so a synchronised
 *     connection is valid on whichever director holds the VIPs.</li>
 * <li>{@link Mode#NONE}: no source NAT; the real servers route back through the gateway VIP and see
 *     the client's address (classic LVS-NAT).</li>
 * </ul>
 *
 * @param ipv4 the floating IPv4 address (FLOATING), null: IPv4 connections are masqueraded
 * @param ipv6 the floating IPv6 address (FLOATING), null: IPv6 connections are masqueraded
 */
public record SourceNat(Mode mode, String ipv4, String ipv6) {

    /** How the source is rewritten. */
    public enum Mode { MASQUERADE, NONE, FLOATING }

    public static final SourceNat MASQUERADE = new SourceNat(Mode.MASQUERADE, null, null);
    public static final SourceNat NONE = new SourceNat(Mode.NONE, null, null);

    /**
     * Reads the plane's {@code snat} setting: "masquerade", "none", "gateway" (the first IPv4 and
     * IPv6 address of {@code gatewayVips}) or a comma-separated list of floating addresses. Absent:
     * "gateway" when gateway VIPs are known (a pair), else "masquerade".
     *
     * @param gatewayVips the cluster's gateway VIPs, comma-separated (prefix lengths allowed), or null
     */
    public static SourceNat fromSetting(String setting, String gatewayVips) throws DataPlaneException {
        List<String> gateways = gatewayVips == null || gatewayVips.isBlank() ? List.of() : literals(gatewayVips);
        if (gateways == null) {
            throw new DataPlaneException("The nftables setting \"gatewayVips\" is '" + gatewayVips
                    + "'; it must list IP addresses, separated by commas.");
        }
        String value = setting == null ? (gateways.isEmpty() ? "masquerade" : "gateway") : setting.strip();
        switch (value) {
            case "masquerade":
                return MASQUERADE;
            case "none":
                return NONE;
            case "gateway":
                if (gateways.isEmpty()) {
                    throw new DataPlaneException("The nftables setting \"snat\" is 'gateway' but the cluster has no"
                            + " gateway VIP: add one to failover.gatewayVips (an address on the real servers' network"
                            + " that moves with the VIPs) or choose masquerade or none.");
                }
                return floating(gateways);
            default:
                List<String> listed = literals(value);
                if (listed == null) {
                    throw new DataPlaneException("The nftables setting \"snat\" is '" + value
                            + "'; use masquerade, none, gateway or the floating address(es) to SNAT to.");
                }
                return floating(listed);
        }
    }

    private static SourceNat floating(List<String> addresses) {
        String v4 = addresses.stream().filter(a -> !Addresses.isIpv6(a)).findFirst().orElse(null);
        String v6 = addresses.stream().filter(Addresses::isIpv6).findFirst().orElse(null);
        return new SourceNat(Mode.FLOATING, v4, v6);
    }

    /** The addresses of a comma-separated list (prefix lengths dropped), or null if an item is not an address. */
    private static List<String> literals(String list) {
        List<String> out = new ArrayList<>();
        for (String item : list.split(",")) {
            String text = item.strip();
            String address = text.contains("/") ? text.substring(0, text.indexOf('/')) : text;
            if (!Addresses.isLiteral(address)) {
                return null;
            }
            out.add(Addresses.canonical(address));
        }
        return out;
    }

    /** The postrouting rules, after the counting and persistence rules. */
    List<String> rules() {
        List<String> rules = new ArrayList<>();
        if (mode == Mode.NONE) {
            return rules;
        }
        String v4 = mode == Mode.FLOATING && ipv4 != null ? "snat ip to " + ipv4 : "masquerade";
        String v6 = mode == Mode.FLOATING && ipv6 != null ? "snat ip6 to " + ipv6 : "masquerade";
        rules.add("ct status dnat ct original ip daddr @vip4 " + v4);
        rules.add("ct status dnat ct original ip6 daddr @vip6 " + v6);
        if (mode == Mode.MASQUERADE) {
            rules.add("ct status dnat meta mark @vipmark masquerade");
        } else {
            rules.add("ct status dnat meta mark @vipmark meta nfproto ipv4 " + v4);
            rules.add("ct status dnat meta mark @vipmark meta nfproto ipv6 " + v6);
        }
        return rules;
    }

    /** In words, for the agent's log and errors. */
    public String describe() {
        switch (mode) {
            case NONE:
                return "no source NAT (real servers route back through the gateway VIP)";
            case MASQUERADE:
                return "masquerade (each director's own address)";
            default:
                return "SNAT to the floating address" + (ipv4 != null && ipv6 != null ? "es " : " ")
                        + String.join(" / ", java.util.stream.Stream.of(ipv4, ipv6).filter(a -> a != null).toList())
                        + (ipv4 == null || ipv6 == null ? " (masquerade for the other family)" : "");
        }
    }
}
