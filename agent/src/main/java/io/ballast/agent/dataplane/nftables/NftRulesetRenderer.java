package io.ballast.agent.dataplane.nftables;

import io.ballast.model.Addresses;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The domain → text layer: renders Ballast's table, or the change between two versions of it, as an
 * {@code nft -f} script. Every script is one transaction; nothing here runs a command.
 *
 * <p>Shape: {@code prerouting}/{@code output} nat chains look the packet's destination up in a verdict
 * map ({@code svc4}, {@code svc6}, {@code svcmark}) and jump to the service chain, which DNATs through
 * the service's key range of a shared slot map (persistence map first). {@code postrouting} counts each
 * new connection in the per-real-server counter sets ({@code rsc4}…, keyed VIP . proto . server . port),
 * records persistence, and source-NATs what was DNATed to a Ballast VIP ({@link SourceNat}); the filter
 * chain {@code forward} counts packets and bytes both ways ({@link CounterSets}). nat chains see only a
 * connection's first packet, so established connections keep their conntrack binding whatever the
 * table says later.
 */
public final class NftRulesetRenderer {

    /** A counter value carried into a re-created table. */
    public record CounterValue(long packets, long bytes) {
    }

    /** Every counter set (see {@link CounterSets}). */
    static final List<String> COUNTER_SETS = CounterSets.ALL;

    private final String table;
    private final SourceNat sourceNat;
    private final ServiceDispatch dispatch;
    private final Map<String, String> canonicalVips = new HashMap<>();

    public NftRulesetRenderer(String table, SourceNat sourceNat, int maxSlots) {
        this.table = table;
        this.sourceNat = sourceNat;
        this.dispatch = new ServiceDispatch(maxSlots);
    }

    public String table() {
        return table;
    }

    ServiceDispatch dispatch() {
        return dispatch;
    }

    /**
     * The whole table, replacing whatever is there in the same transaction ({@code add} then
     * {@code delete} so the delete cannot fail on a missing table). Counters restart from
     * {@code counters} ("set key" → value). {@code epoch} goes into the one-element set {@code epoch}:
     * the plane's cheap drift check looks for it (a table flushed or made by someone else lacks it).
     */
    public String replaceTable(List<InstalledService> services, Map<String, CounterValue> counters, long epoch) {
        Script out = new Script(table);
        out.line("add table inet " + table);
        out.line("delete table inet " + table);
        out.line("add table inet " + table);
        out.obj("set", "epoch", "{ type mark ; }");
        out.line("add element inet " + table + " epoch { " + epoch + " }");
        base(out);
        for (InstalledService service : services) {
            addService(out, service);
        }
        for (CounterSets.Kind kind : CounterSets.Kind.values()) {
            additions(out, Map.of(), CounterSets.elements(services, kind), counters);
        }
        additions(out, Map.of(), ServiceElements.persistence(services), Map.of());
        additions(out, Map.of(), ServiceElements.vips(services), Map.of());
        return out.text();
    }

    /**
     * Only what differs between two versions of the table, which must already exist. Empty if none.
     * Services are matched by number (a number names one service for life); one the caller did not
     * touch is the same object on both sides, so finding what changed costs a look-up per service.
     */
    public String change(List<InstalledService> before, List<InstalledService> after) {
        Script out = new Script(table);
        Map<Integer, InstalledService> old = byId(before);
        Map<Integer, InstalledService> now = byId(after);
        // Element keys (counters, persistence, VIPs) all begin with the service's VIP (or mark), and services on
        // one VIP may share them; so only the services on a VIP the change touches are compared. Comparing
        // all 37,205 servers' elements took 80-150 ms per change; a VIP holds a handful of services.
        Set<String> touched = new LinkedHashSet<>();
        for (InstalledService service : after) {
            InstalledService previous = previous(old, service);
            if (previous == null || !same(previous, service)) {
                touched.add(vipOf(service));
                InstalledService sameNumber = old.get(service.id());
                if (sameNumber != null) {
                    touched.add(vipOf(sameNumber));
                }
            }
        }
        for (InstalledService service : before) {
            if (previous(now, service) == null) {
                touched.add(vipOf(service));
            }
        }
        if (touched.isEmpty()) {
            return "";
        }
        List<InstalledService> nearBefore = before.stream().filter(s -> touched.contains(vipOf(s))).toList();
        List<InstalledService> nearAfter = after.stream().filter(s -> touched.contains(vipOf(s))).toList();
        // Deletions first (an element must go before the chain it jumps to), additions after the chains exist.
        Map<String, String> persistBefore = ServiceElements.persistence(nearBefore);
        Map<String, String> persistAfter = ServiceElements.persistence(nearAfter);
        List<Map<String, String>> countersBefore = new ArrayList<>();
        List<Map<String, String>> countersAfter = new ArrayList<>();
        for (CounterSets.Kind kind : CounterSets.Kind.values()) {
            countersBefore.add(CounterSets.elements(nearBefore, kind));
            countersAfter.add(CounterSets.elements(nearAfter, kind));
        }
        Map<String, String> vipsBefore = ServiceElements.vips(nearBefore);
        Map<String, String> vipsAfter = ServiceElements.vips(nearAfter);
        deletions(out, persistBefore, persistAfter);
        for (int kind = 0; kind < countersBefore.size(); kind++) {
            deletions(out, countersBefore.get(kind), countersAfter.get(kind));
        }
        deletions(out, vipsBefore, vipsAfter);
        for (InstalledService service : before) {
            if (previous(now, service) == null) {
                removeService(out, service);
            }
        }
        for (InstalledService service : after) {
            InstalledService previous = previous(old, service);
            if (previous == null) {
                addService(out, service);
            } else if (!same(previous, service)) {
                replaceService(out, previous, service);
            }
        }
        additions(out, persistBefore, persistAfter, Map.of());
        for (int kind = 0; kind < countersBefore.size(); kind++) {
            additions(out, countersBefore.get(kind), countersAfter.get(kind), Map.of());
        }
        additions(out, vipsBefore, vipsAfter, Map.of());
        return out.text();
    }

    private void base(Script out) {
        out.obj("map", "svc4", "{ type ipv4_addr . inet_proto . inet_service : verdict ; }");
        out.obj("map", "svc6", "{ type ipv6_addr . inet_proto . inet_service : verdict ; }");
        out.obj("map", "svcmark", "{ type mark : verdict ; }");
        out.obj("set", "vip4", "{ type ipv4_addr ; }");
        out.obj("set", "vip6", "{ type ipv6_addr ; }");
        out.obj("set", "vipmark", "{ type mark ; }");
        out.obj("set", RecordSet.NAME, RecordSet.DECLARATION);
        for (Map.Entry<String, String> set : CounterSets.declarations().entrySet()) {
            out.obj("set", set.getKey(), set.getValue());
        }
        out.obj("map", "pst4", "{ type ipv4_addr . inet_proto . ipv4_addr . inet_service : verdict ; }");
        out.obj("map", "pst6", "{ type ipv6_addr . inet_proto . ipv6_addr . inet_service : verdict ; }");
        out.obj("map", "pstm4", "{ type mark . ipv4_addr : verdict ; }");
        out.obj("map", "pstm6", "{ type mark . ipv6_addr : verdict ; }");
        out.obj("chain", "prerouting", "{ type nat hook prerouting priority dstnat ; policy accept ; }");
        out.obj("chain", "output", "{ type nat hook output priority -100 ; policy accept ; }");
        out.obj("chain", "postrouting", "{ type nat hook postrouting priority srcnat ; policy accept ; }");
        for (Map.Entry<String, List<String>> chain : CounterSets.forwardChains().entrySet()) {
            out.obj("chain", chain.getKey(), "");
            for (String rule : chain.getValue()) {
                out.rule(chain.getKey(), rule);
            }
        }
        out.obj("chain", "forward", "{ type filter hook forward priority filter ; policy accept ; }");
        for (String rule : CounterSets.forwardRules()) {
            out.rule("forward", rule);
        }
        for (String chain : List.of("prerouting", "output")) {
            out.rule(chain, "ip daddr . meta l4proto . th dport vmap @svc4");
            out.rule(chain, "ip6 daddr . meta l4proto . th dport vmap @svc6");
            out.rule(chain, "meta mark vmap @svcmark");
        }
        // The ownership mark (read by the earlier layouts' reader) last: a connection to a VIP never gets there.
        out.rule("prerouting", "meta nfproto ipv4" + comment(TableEncoding.TABLE_COMMENT));
        postroutingRules(out);
    }

    /**
     * Rewrites postrouting alone, in one transaction, for a table that exists: how the source is NATed
     * is a setting of the plane, not of the spec, so it may differ from what an earlier start wrote.
     * Only first packets pass nat chains: established connections keep the binding they have.
     */
    public String refreshPostrouting() {
        Script out = new Script(table);
        out.line("flush chain inet " + table + " postrouting");
        postroutingRules(out);
        return out.text();
    }

    private void postroutingRules(Script out) {
        String v4 = "ct original ip daddr . meta l4proto . ip daddr . th dport";
        String v6 = "ct original ip6 daddr . meta l4proto . ip6 daddr . th dport";
        out.rule("postrouting", "ct status dnat " + v4 + " @rsc4");
        out.rule("postrouting", "ct status dnat " + v6 + " @rsc6");
        out.rule("postrouting", "ct status dnat meta mark . ip daddr @rscm4");
        out.rule("postrouting", "ct status dnat meta mark . ip6 daddr @rscm6");
        out.rule("postrouting", "ct status dnat " + v4 + " vmap @pst4");
        out.rule("postrouting", "ct status dnat " + v6 + " vmap @pst6");
        out.rule("postrouting", "ct status dnat meta mark . ip daddr vmap @pstm4");
        out.rule("postrouting", "ct status dnat meta mark . ip6 daddr vmap @pstm6");
        for (String rule : sourceNat.rules()) {
            out.rule("postrouting", rule);
        }
    }

    private void addService(Script out, InstalledService installed) {
        out.obj("chain", installed.chain(), "");
        if (installed.service().persistence() != null) {
            addPersistence(out, installed);
        }
        ServiceDispatch.Choice choice = dispatch.choice(installed);
        rules(out, installed, choice);
        SlotMaps.changes(table, ServiceDispatch.Choice.NONE, choice).forEach(out::line);
        RecordSet.changes(table, Map.of(), RecordSet.elements(installed)).forEach(out::line);
        VirtualService service = installed.service();
        out.line("add element inet " + table + " " + ServiceElements.dispatchMap(service) + " { " + ServiceElements.dispatchKey(service)
                + " : jump " + installed.chain() + " }");
    }

    /**
     * Changes the service's records and slots; its chain (flushed and written anew) only if its rules
     * differ. A weight change of an rr or mh service, a drain of an mh service, are then element changes
     * only: no rule is added, so the kernel does not validate the whole table (see {@link RecordSet}).
     * Chain, element and counters stay.
     */
    private void replaceService(Script out, InstalledService before, InstalledService after) {
        ServiceDispatch.Choice was = dispatch.choice(before);
        ServiceDispatch.Choice now = dispatch.choice(after);
        boolean persistenceChanged = !Objects.equals(before.service().persistence(), after.service().persistence());
        if (persistenceChanged || !was.rules().equals(now.rules())) {
            out.line("flush chain inet " + table + " " + before.chain());
        }
        if (persistenceChanged) {
            if (before.service().persistence() != null) {
                removePersistence(out, before);
            }
            if (after.service().persistence() != null) {
                addPersistence(out, after);
            }
        } else if (after.service().persistence() != null && lostServers(before, after)) {
            // nft cannot delete map entries by value: forget all clients rather than send some to a removed server.
            out.line("flush map inet " + table + " " + after.persistMap());
        }
        if (persistenceChanged || !was.rules().equals(now.rules())) {
            rules(out, after, now);
        }
        SlotMaps.changes(table, was, now).forEach(out::line);
        RecordSet.changes(table, RecordSet.elements(before), RecordSet.elements(after)).forEach(out::line);
    }

    private static boolean lostServers(InstalledService before, InstalledService after) {
        Set<String> kept = new LinkedHashSet<>();
        for (RealServer server : after.service().realServers()) {
            kept.add(server.key());
        }
        return before.service().realServers().stream().anyMatch(s -> !kept.contains(s.key()));
    }

    private void removeService(Script out, InstalledService installed) {
        VirtualService service = installed.service();
        out.line("delete element inet " + table + " " + ServiceElements.dispatchMap(service) + " { " + ServiceElements.dispatchKey(service) + " }");
        out.line("flush chain inet " + table + " " + installed.chain());
        SlotMaps.changes(table, dispatch.choice(installed), ServiceDispatch.Choice.NONE).forEach(out::line);
        RecordSet.changes(table, RecordSet.elements(installed), Map.of()).forEach(out::line);
        if (service.persistence() != null) {
            removePersistence(out, installed);
        }
        out.line("delete chain inet " + table + " " + installed.chain());
    }

    private void addPersistence(Script out, InstalledService installed) {
        VirtualService service = installed.service();
        String v6 = service.isIpv6() ? "ipv6_addr" : "ipv4_addr";
        out.obj("map", installed.persistMap(), "{ type " + v6 + " : " + v6 + " . inet_service ; flags dynamic,timeout ; timeout "
                + service.persistence().timeoutSeconds() + "s ; }");
        out.obj("chain", installed.persistChain(), "");
        String family = ServiceDispatch.family(service);
        out.rule(installed.persistChain(), "update @" + installed.persistMap() + " { " + dispatch.persistKey(service)
                + " : " + family + " daddr . th dport }");
    }

    private void removePersistence(Script out, InstalledService installed) {
        out.line("flush chain inet " + table + " " + installed.persistChain());
        out.line("delete chain inet " + table + " " + installed.persistChain());
        out.line("delete map inet " + table + " " + installed.persistMap());
    }

    /**
     * The service chain's rules, after the slot maps they look up (made when first needed). Only the
     * dispatch: the records are elements of {@link RecordSet}, so the kernel's validation of the table at
     * each commit that adds a rule walks two or three rules per service, not one per real server.
     */
    private void rules(Script out, InstalledService installed, ServiceDispatch.Choice choice) {
        SlotMaps.declarations(table, choice).forEach(out::line);
        for (String rule : choice.rules()) {
            out.rule(installed.chain(), rule);
        }
    }

    /** Deletes elements that are gone or whose value changed. Values are "set[ : verdict]". */
    private void deletions(Script out, Map<String, String> before, Map<String, String> after) {
        for (Map.Entry<String, String> element : before.entrySet()) {
            if (!element.getValue().equals(after.get(element.getKey()))) {
                out.line("delete element inet " + table + " " + setOf(element.getValue()) + " { " + element.getKey() + " }");
            }
        }
    }

    /** Adds elements that are new or whose value changed; {@code initial} gives carried counter values. */
    private void additions(Script out, Map<String, String> before, Map<String, String> after,
                           Map<String, CounterValue> initial) {
        for (Map.Entry<String, String> element : after.entrySet()) {
            String key = element.getKey();
            if (element.getValue().equals(before.get(key))) {
                continue;
            }
            String set = setOf(element.getValue());
            CounterValue carried = initial.get(set + " " + key);
            out.line("add element inet " + table + " " + set + " { " + key
                    + (carried == null ? "" : " counter packets " + carried.packets() + " bytes " + carried.bytes())
                    + element.getValue().substring(set.length()) + " }");
        }
    }

    private static String setOf(String value) {
        int space = value.indexOf(' ');
        return space < 0 ? value : value.substring(0, space);
    }

    /** What every element key of a service begins with: its mark, or its VIP. */
    private String vipOf(InstalledService installed) {
        VirtualService service = installed.service();
        if (service.firewallMark() != null) {
            return "mark " + Integer.toUnsignedString(service.firewallMark());
        }
        // Cached: canonicalising parses the address, and change() asks for every service's VIP.
        return canonicalVips.computeIfAbsent(service.address(), Addresses::canonical);
    }

    /** Equal, looked at cheaply: a service nobody touched is the same object in both versions. */
    private static boolean same(InstalledService a, InstalledService b) {
        return a.id() == b.id() && (a.service() == b.service() || a.service().equals(b.service()));
    }

    /** The same service (same number and key) in the other version, or null. */
    private static InstalledService previous(Map<Integer, InstalledService> other, InstalledService service) {
        InstalledService found = other.get(service.id());
        if (found == null || found.service() == service.service()) {
            return found;
        }
        return found.service().key().equals(service.service().key()) ? found : null;
    }

    /** How a server of a service is keyed in the counter sets (as nft prints it back, joined by " . "). */
    static String counterKey(VirtualService service, String address, int port) {
        if (service.firewallMark() != null) {
            return Integer.toUnsignedString(service.firewallMark()) + " . " + Addresses.canonical(address);
        }
        return Addresses.canonical(service.address()) + " . " + service.protocol().name().toLowerCase(Locale.ROOT)
                + " . " + Addresses.canonical(address) + " . " + port;
    }

    private static String comment(String text) {
        return " comment \"" + text + "\"";
    }

    private static Map<Integer, InstalledService> byId(List<InstalledService> services) {
        Map<Integer, InstalledService> map = new HashMap<>(services.size() * 2);
        for (InstalledService service : services) {
            map.put(service.id(), service);
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
            text.append("add ").append(kind).append(" inet ").append(table).append(' ').append(name);
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
