package io.ballast.agent.dataplane.nftables;

import io.ballast.model.Persistence;
import io.ballast.model.RealServer;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The domain → text layer: renders Ballast's table, or the change between two versions of it, as an
 * {@code nft -f} script. Every script is one transaction; nothing here runs a command.
 *
 * <p>Shape: {@code prerouting}/{@code output} nat chains look the packet's destination up in a verdict
 * map ({@code svc4}, {@code svc6}, {@code svcmark}) and jump to the service chain; the service chain
 * counts the new connection and picks a real server chain (persistence sets first, then the scheduler's
 * slot map); the real server chain counts, refreshes persistence and DNATs. {@code postrouting}
 * masquerades what was DNATed to a Ballast VIP. nat chains only see a connection's first packet, so
 * established connections keep their conntrack binding whatever the table says later.
 */
public final class NftRulesetRenderer {

    /** Counter values carried into a re-created table: name → {packets, bytes}. */
    public record CounterValue(long packets, long bytes) {
    }

    private final String table;
    private final boolean masquerade;
    private final ServiceDispatch dispatch;

    public NftRulesetRenderer(String table, boolean masquerade, int maxSlots) {
        this.table = table;
        this.masquerade = masquerade;
        this.dispatch = new ServiceDispatch(maxSlots);
    }

    public String table() {
        return table;
    }

    /**
     * The whole table, replacing whatever is there in the same transaction ({@code add} then
     * {@code delete} so the delete cannot fail on a missing table). Counters restart from {@code counters}.
     */
    public String replaceTable(List<InstalledService> services, Map<String, CounterValue> counters) {
        Script out = new Script(table);
        out.line("add table inet " + table);
        out.line("delete table inet " + table);
        base(out);
        for (InstalledService service : services) {
            addService(out, service, counters);
        }
        vipSets(out, Set.of(), vips(services));
        return out.text();
    }

    /** Only what differs between two versions of the table, which must already exist. Empty if none. */
    public String change(List<InstalledService> before, List<InstalledService> after) {
        Script out = new Script(table);
        Map<ServiceKey, InstalledService> old = index(before);
        Map<ServiceKey, InstalledService> now = index(after);
        for (InstalledService service : after) {
            InstalledService previous = old.get(service.service().key());
            if (previous == null) {
                addService(out, service, Map.of());
            } else if (!previous.equals(service)) {
                replaceService(out, previous, service);
            }
        }
        for (InstalledService service : before) {
            if (!now.containsKey(service.service().key())) {
                removeService(out, service);
            }
        }
        vipSets(out, vips(before), vips(after));
        return out.text();
    }

    private void base(Script out) {
        out.obj("table", "", "");
        out.obj("map", "svc4", "{ type ipv4_addr . inet_proto . inet_service : verdict ; }");
        out.obj("map", "svc6", "{ type ipv6_addr . inet_proto . inet_service : verdict ; }");
        out.obj("map", "svcmark", "{ type mark : verdict ; }");
        out.obj("set", "vip4", "{ type ipv4_addr ; }");
        out.obj("set", "vip6", "{ type ipv6_addr ; }");
        out.obj("set", "vipmark", "{ type mark ; }");
        out.obj("chain", "prerouting", "{ type nat hook prerouting priority dstnat ; policy accept ; }");
        out.obj("chain", "output", "{ type nat hook output priority -100 ; policy accept ; }");
        out.obj("chain", "postrouting", "{ type nat hook postrouting priority srcnat ; policy accept ; }");
        // nft 1.0's JSON listing drops table and chain comments but keeps rule comments: the marks live there.
        out.rule("prerouting", "meta nfproto ipv4 comment \"" + TableEncoding.TABLE_COMMENT + "\"");
        for (String chain : List.of("prerouting", "output")) {
            out.rule(chain, "ip daddr . meta l4proto . th dport vmap @svc4");
            out.rule(chain, "ip6 daddr . meta l4proto . th dport vmap @svc6");
            out.rule(chain, "meta mark vmap @svcmark");
        }
        if (masquerade) {
            out.rule("postrouting", "ct status dnat ct original ip daddr @vip4 masquerade");
            out.rule("postrouting", "ct status dnat ct original ip6 daddr @vip6 masquerade");
            out.rule("postrouting", "ct status dnat meta mark @vipmark masquerade");
        }
    }

    private void addService(Script out, InstalledService installed, Map<String, CounterValue> counters) {
        VirtualService service = installed.service();
        out.obj("counter", installed.chain(), counterBody(counters.get(installed.chain())));
        for (int i = 0; i < service.realServers().size(); i++) {
            out.obj("counter", installed.serverChain(i), counterBody(counters.get(installed.serverChain(i))));
        }
        addStructure(out, installed);
    }

    /** Chains, sets, rules and the map element; counters are declared by the caller. */
    private void addStructure(Script out, InstalledService installed) {
        VirtualService service = installed.service();
        Persistence persistence = service.persistence();
        if (persistence != null) {
            for (int i = 0; i < service.realServers().size(); i++) {
                out.obj("set", installed.persistSet(i), "{ type " + (service.isIpv6() ? "ipv6_addr" : "ipv4_addr")
                        + " ; flags dynamic,timeout ; timeout " + persistence.timeoutSeconds() + "s ; }");
            }
        }
        out.obj("chain", installed.chain(), "");
        if (service.sorryServer() != null) {
            out.obj("chain", installed.sorryChain(), "");
            out.rule(installed.sorryChain(), dispatch.dnat(service, service.sorryServer().address(),
                    service.sorryServer().port()) + comment(TableEncoding.sorryComment(service.sorryServer())));
        }
        for (int i = 0; i < service.realServers().size(); i++) {
            RealServer server = service.realServers().get(i);
            String chain = installed.serverChain(i);
            out.obj("chain", chain, "");
            out.rule(chain, "counter name \"" + chain + "\"" + comment(TableEncoding.realServerComment(server)));
            if (persistence != null) {
                out.rule(chain, "update @" + installed.persistSet(i) + " { " + dispatch.persistKey(service) + " }");
            }
            String label = TableEncoding.labelComment(server.name());
            out.rule(chain, dispatch.dnat(service, server.address(), server.port())
                    + (label == null ? "" : comment(label)));
        }
        out.rule(installed.chain(), "counter name \"" + installed.chain() + "\""
                + comment(TableEncoding.serviceComment(service)));
        for (String rule : dispatch.rules(installed)) {
            out.rule(installed.chain(), rule);
        }
        out.line("add element inet " + table + " " + mapOf(service) + " { " + mapKey(service)
                + " : jump " + installed.chain() + " }");
    }

    private void removeService(Script out, InstalledService installed) {
        removeStructure(out, installed);
        out.line("delete counter inet " + table + " " + installed.chain());
        for (int i = 0; i < installed.service().realServers().size(); i++) {
            out.line("delete counter inet " + table + " " + installed.serverChain(i));
            if (installed.service().persistence() != null) {
                out.line("delete set inet " + table + " " + installed.persistSet(i));
            }
        }
    }

    /** Re-creates the service's chains in place; counters and unchanged persistence sets carry on. */
    private void replaceService(Script out, InstalledService before, InstalledService after) {
        removeStructure(out, before);
        Set<String> keptCounters = new LinkedHashSet<>();
        for (int i = 0; i < after.service().realServers().size(); i++) {
            keptCounters.add(after.serverChain(i));
        }
        boolean samePersistence = Objects.equals(before.service().persistence(), after.service().persistence())
                && before.service().isIpv6() == after.service().isIpv6();
        for (int i = 0; i < before.service().realServers().size(); i++) {
            boolean kept = keptCounters.contains(before.serverChain(i));
            if (!kept) {
                out.line("delete counter inet " + table + " " + before.serverChain(i));
            }
            if (before.service().persistence() != null && (!kept || !samePersistence)) {
                out.line("delete set inet " + table + " " + before.persistSet(i));
            }
        }
        out.obj("counter", after.chain(), "");
        for (String counter : keptCounters) {
            out.obj("counter", counter, "");
        }
        addStructure(out, after);
    }

    private void removeStructure(Script out, InstalledService installed) {
        VirtualService service = installed.service();
        out.line("delete element inet " + table + " " + mapOf(service) + " { " + mapKey(service) + " }");
        out.line("flush chain inet " + table + " " + installed.chain());
        for (int i = 0; i < service.realServers().size(); i++) {
            out.line("flush chain inet " + table + " " + installed.serverChain(i));
            out.line("delete chain inet " + table + " " + installed.serverChain(i));
        }
        if (service.sorryServer() != null) {
            out.line("flush chain inet " + table + " " + installed.sorryChain());
            out.line("delete chain inet " + table + " " + installed.sorryChain());
        }
        out.line("delete chain inet " + table + " " + installed.chain());
    }

    private void vipSets(Script out, Set<String> before, Set<String> after) {
        for (String vip : after) {
            if (!before.contains(vip)) {
                out.line("add element inet " + table + " " + vip);
            }
        }
        for (String vip : before) {
            if (!after.contains(vip)) {
                out.line("delete element inet " + table + " " + vip);
            }
        }
    }

    /** "vip4 { 203.0.113.10 }"-style element specs of every VIP (or mark) in the table. */
    private static Set<String> vips(List<InstalledService> services) {
        Set<String> vips = new LinkedHashSet<>();
        for (InstalledService installed : services) {
            VirtualService service = installed.service();
            if ((service.firewallMark() != null)) {
                vips.add("vipmark { " + service.firewallMark() + " }");
            } else {
                vips.add((service.isIpv6() ? "vip6" : "vip4") + " { " + service.address() + " }");
            }
        }
        return vips;
    }

    private static String mapOf(VirtualService service) {
        return (service.firewallMark() != null) ? "svcmark" : service.isIpv6() ? "svc6" : "svc4";
    }

    private static String mapKey(VirtualService service) {
        if ((service.firewallMark() != null)) {
            return String.valueOf(service.firewallMark());
        }
        return service.address() + " . " + service.protocol().name().toLowerCase(java.util.Locale.ROOT)
                + " . " + service.port();
    }

    private static String counterBody(CounterValue value) {
        return value == null ? "" : "{ packets " + value.packets() + " bytes " + value.bytes() + " ; }";
    }

    private static String comment(String text) {
        return " comment \"" + text + "\"";
    }

    private static Map<ServiceKey, InstalledService> index(List<InstalledService> services) {
        Map<ServiceKey, InstalledService> map = new LinkedHashMap<>();
        for (InstalledService service : services) {
            map.put(service.service().key(), service);
        }
        return map;
    }

    /** Accumulates script lines for one table. */
    private static final class Script {
        private final StringBuilder text = new StringBuilder(4096);
        private final String table;

        Script(String table) {
            this.table = table;
        }

        void line(String line) {
            text.append(line).append('\n');
        }

        void obj(String kind, String name, String body) {
            text.append("add ").append(kind).append(" inet ").append(table);
            if (!name.isEmpty()) {
                text.append(' ').append(name);
            }
            if (!body.isEmpty()) {
                text.append(' ').append(body);
            }
            text.append('\n');
        }

        void rule(String chain, String rule) {
            text.append("add rule inet ").append(table).append(' ').append(chain).append(' ').append(rule).append('\n');
        }

        String text() {
            return text.toString();
        }
    }
}
