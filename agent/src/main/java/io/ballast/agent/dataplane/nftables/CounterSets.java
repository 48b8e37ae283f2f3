package io.ballast.agent.dataplane.nftables;

import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Ballast's per-real-server counters: elements of counter sets, keyed by VIP . protocol . server . port
 * (mark . server for firewall-mark services), one element per server in each set of its kind.
 * Connections are counted in postrouting (a nat chain sees a connection's first packet only); packets
 * and bytes in a filter chain on the forward hook, which sees every packet of a forwarded connection,
 * split by conntrack direction.
 */
final class CounterSets {

    /** What a set counts. */
    enum Kind {
        /** New connections (postrouting): the packet count is the connection count. */
        CONNECTIONS("rsc4", "rsc6", "rscm4", "rscm6"),
        /** Packets and bytes from clients to real servers (forward, original direction). */
        FROM_CLIENTS("rsi4", "rsi6", "rsim4", "rsim6"),
        /** Packets and bytes from real servers back to clients (forward, reply direction). */
        FROM_SERVERS("rso4", "rso6", null, null);

        private final String v4;
        private final String v6;
        private final String mark4;
        private final String mark6;

        Kind(String v4, String v6, String mark4, String mark6) {
            this.v4 = v4;
            this.v6 = v6;
            this.mark4 = mark4;
            this.mark6 = mark6;
        }

        /**
         * The set that counts this service's servers; null for replies of mark services: a reply does not
         * carry the client's mark, so it cannot be told which mark service it belongs to.
         */
        String setFor(VirtualService service) {
            if (service.firewallMark() != null) {
                return service.isIpv6() ? mark6 : mark4;
            }
            return service.isIpv6() ? v6 : v4;
        }

        List<String> sets() {
            return Stream.of(v4, v6, mark4, mark6).filter(Objects::nonNull).toList();
        }
    }

    /** Every counter set of the table. */
    static final List<String> ALL = Arrays.stream(Kind.values()).flatMap(k -> k.sets().stream()).toList();

    private CounterSets() {
    }

    /** Set declarations: name → body. */
    static Map<String, String> declarations() {
        Map<String, String> sets = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            sets.put(kind.v4, "{ type ipv4_addr . inet_proto . ipv4_addr . inet_service ; counter ; }");
            sets.put(kind.v6, "{ type ipv6_addr . inet_proto . ipv6_addr . inet_service ; counter ; }");
            if (kind.mark4 != null) {
                sets.put(kind.mark4, "{ type mark . ipv4_addr ; counter ; }");
                sets.put(kind.mark6, "{ type mark . ipv6_addr ; counter ; }");
            }
        }
        return sets;
    }

    /**
     * The forward chain's one rule. It sees every packet of every forwarded connection, so it does as
     * little as it can: a connection that was not DNATed leaves after one test, and one of Ballast's
     * goes by one look-up (family . direction) to the chain that counts its family and direction. Six
     * rules in a row, each testing status and direction again, cost every packet six rule evaluations.
     */
    static List<String> forwardRules() {
        return List.of("ct status dnat meta nfproto . ct direction vmap { ipv4 . original : jump fwd4o,"
                + " ipv4 . reply : jump fwd4r, ipv6 . original : jump fwd6o, ipv6 . reply : jump fwd6r }");
    }

    /**
     * The chains the forward rule jumps to, with their rules. The lookups only count (a set lookup bumps
     * the matching element's counter); they decide nothing, so every packet is accepted as before.
     * Mark lookups only for marked packets: a firewall mark is never 0.
     */
    static Map<String, List<String>> forwardChains() {
        String v4 = "ct original ip daddr . meta l4proto . ";
        String v6 = "ct original ip6 daddr . meta l4proto . ";
        Map<String, List<String>> chains = new LinkedHashMap<>();
        chains.put("fwd4o", List.of(v4 + "ip daddr . th dport @rsi4", "meta mark != 0 meta mark . ip daddr @rsim4"));
        chains.put("fwd6o", List.of(v6 + "ip6 daddr . th dport @rsi6", "meta mark != 0 meta mark . ip6 daddr @rsim6"));
        chains.put("fwd4r", List.of(v4 + "ip saddr . th sport @rso4"));
        chains.put("fwd6r", List.of(v6 + "ip6 saddr . th sport @rso6"));
        return chains;
    }

    /** Element of every real server and sorry server in this kind's sets: key → "set" (no value). */
    static Map<String, String> elements(List<InstalledService> services, Kind kind) {
        Map<String, String> elements = new LinkedHashMap<>();
        for (InstalledService installed : services) {
            VirtualService service = installed.service();
            String set = kind.setFor(service);
            if (set == null) {
                continue;
            }
            for (RealServer server : service.realServers()) {
                elements.put(NftRulesetRenderer.counterKey(service, server.address(), server.port()), set);
            }
            if (service.sorryServer() != null) {
                elements.put(NftRulesetRenderer.counterKey(service, service.sorryServer().address(),
                        service.sorryServer().port()), set);
            }
        }
        return elements;
    }
}
