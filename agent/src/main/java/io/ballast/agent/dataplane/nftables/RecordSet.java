package io.ballast.agent.dataplane.nftables;

import io.ballast.model.RealServer;
import io.ballast.model.SorryServer;
import io.ballast.model.VirtualService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Ballast's records (see {@link TableEncoding}) as element comments of one set, {@code rec} ({@code type
 * mark}), keyed in the service's own range (the same {@link SlotMaps#base} as its slots): the service's
 * settings at base + 0xffff, its sorry server at base + 0xfffe, real server <i>i</i> at base + 2<i>i</i>
 * and its label at base + 2<i>i</i> + 1.
 *
 * <p>Why elements and not rules: a weight change then changes elements only. Any rule that holds a
 * {@code dnat}, a jump or a map makes the kernel validate the whole table at commit — every chain reachable
 * from the base chains, every rule in them: 14 ms of CPU at 2,277 services while the records were rules
 * in the service chains, 4 ms without them (measured, docs/benchmarks/nftables-plane.md §5). And a
 * drift check can read the records without listing any rule (nft fetches every rule of the ruleset for that).
 */
final class RecordSet {

    static final String NAME = "rec";
    static final String DECLARATION = "{ type mark ; }";
    private static final long SERVICE = 0xffff;
    private static final long SORRY = 0xfffe;
    private static final int MAX_SERVERS = 0x7ffe;

    private RecordSet() {
    }

    /** The service's records: key → comment. */
    static Map<Long, String> elements(InstalledService installed) {
        VirtualService service = installed.service();
        if (service.realServers().size() > MAX_SERVERS) {
            throw new IllegalArgumentException("The nftables plane records at most " + MAX_SERVERS
                    + " real servers per service; " + service.key() + " has " + service.realServers().size() + ".");
        }
        long base = SlotMaps.base(installed.id());
        Map<Long, String> records = new LinkedHashMap<>();
        records.put(base + SERVICE, TableEncoding.serviceComment(service));
        List<RealServer> servers = service.realServers();
        for (int i = 0; i < servers.size(); i++) {
            records.put(base + 2L * i, TableEncoding.realServerComment(servers.get(i)));
            String label = TableEncoding.labelComment(servers.get(i).name());
            if (label != null) {
                records.put(base + 2L * i + 1, label);
            }
        }
        if (service.sorryServer() != null) {
            records.put(base + SORRY, TableEncoding.sorryComment(service.sorryServer()));
        }
        return records;
    }

    /** Deletes records that are gone or changed, then adds those that are new or changed: one line per verb. */
    static List<String> changes(String table, Map<Long, String> before, Map<Long, String> after) {
        StringBuilder deleted = new StringBuilder();
        for (Map.Entry<Long, String> record : before.entrySet()) {
            if (!record.getValue().equals(after.get(record.getKey()))) {
                deleted.append(deleted.isEmpty() ? "" : ", ").append(record.getKey());
            }
        }
        StringBuilder added = new StringBuilder();
        for (Map.Entry<Long, String> record : after.entrySet()) {
            if (!record.getValue().equals(before.get(record.getKey()))) {
                added.append(added.isEmpty() ? "" : ", ").append(record.getKey())
                        .append(" comment \"").append(record.getValue()).append('"');
            }
        }
        List<String> lines = new ArrayList<>(2);
        if (!deleted.isEmpty()) {
            lines.add("delete element inet " + table + " " + NAME + " { " + deleted + " }");
        }
        if (!added.isEmpty()) {
            lines.add("add element inet " + table + " " + NAME + " { " + added + " }");
        }
        return lines;
    }

    /** The range (low 16 bits of the service number) a record key belongs to. */
    static int range(long key) {
        return (int) (key >>> 16);
    }

    /**
     * A service from its records, sorted by key; null if they are not a whole, readable set of Ballast's
     * records (someone edited or deleted one).
     */
    static InstalledService decode(int id, SortedMap<Long, String> records) {
        long base = SlotMaps.base(id);
        String settings = records.get(base + SERVICE);
        if (settings == null) {
            return null;
        }
        try {
            SorryServer sorry = records.containsKey(base + SORRY) ? TableEncoding.decodeSorry(records.get(base + SORRY)) : null;
            List<RealServer> servers = new ArrayList<>();
            long expected = base;
            for (Map.Entry<Long, String> record : records.headMap(base + SORRY).entrySet()) {
                long offset = record.getKey() - base;
                if (offset % 2 == 0) {
                    if (record.getKey() != expected) {
                        return null; // a real server's record is missing: the order would be wrong
                    }
                    servers.add(TableEncoding.decodeRealServer(record.getValue(), null));
                    expected += 2;
                } else if (!servers.isEmpty() && record.getKey() == expected - 1) {
                    RealServer last = servers.remove(servers.size() - 1);
                    servers.add(new RealServer(TableEncoding.decodeLabel(record.getValue()), last.address(), last.port(),
                            last.weight(), last.forwarding(), last.upperThreshold(), last.lowerThreshold(), last.os(),
                            last.state()));
                } else {
                    return null;
                }
            }
            VirtualService service = TableEncoding.decodeService(settings, sorry, servers);
            return service == null ? null : new InstalledService(id, service);
        } catch (RuntimeException e) {
            return null; // a comment someone else edited: not ours to trust
        }
    }
}
