package io.ballast.agent.dataplane.ipvs;

import io.ballast.model.Addresses;
import io.ballast.model.ServiceKey;
import io.ballast.model.api.CounterSample;
import io.ballast.model.api.Counters;
import io.ballast.model.api.Rates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counters from the kernel: {@code ipvsadm -Ln --stats --exact} (connections, packets and bytes,
 * cumulative), {@code ipvsadm -Ln --rate --exact} (the kernel's per-second estimates), the active and
 * inactive connection columns of the plain {@code ipvsadm -Ln --exact}, and the totals of
 * {@code /proc/net/ip_vs_stats}.
 */
public final class IpvsCounterParser {

    private IpvsCounterParser() {
    }

    public static List<CounterSample> parse(String statsListing, String plainListing) {
        return parse(statsListing, null, plainListing);
    }

    /** One sample per service and destination; {@code rateListing} null leaves the rates out. */
    public static List<CounterSample> parse(String statsListing, String rateListing, String plainListing) {
        Map<String, long[]> connections = plainListing == null ? Map.of() : connectionColumns(plainListing);
        Map<String, long[]> rates = rateListing == null ? Map.of() : fiveColumns(rateListing, "--rate");
        List<CounterSample> samples = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : fiveColumns(statsListing, "--stats").entrySet()) {
            String[] key = entry.getKey().split(" ", 2);
            String realServer = key[1].equals("null") ? null : key[1];
            long[] c = entry.getValue();
            long[] active = connections.getOrDefault(entry.getKey(), new long[2]);
            long[] r = rates.get(entry.getKey());
            samples.add(new CounterSample(key[0], realServer,
                    new Counters(active[0], active[1], c[0], c[1], c[2], c[3], c[4]),
                    r == null ? null : new Rates(r[0], r[1], r[2], r[3], r[4])));
        }
        return samples;
    }

    /**
     * The plane's totals from {@code /proc/net/ip_vs_stats}: two header lines, the cumulative counters,
     * a blank line, two header lines and the rates, all in hexadecimal. Active and inactive
     * connections are not in that file; they are the sums over the services.
     */
    public static CounterSample totals(String procStats, List<CounterSample> samples) {
        List<long[]> rows = new ArrayList<>();
        for (String line : procStats.split("\n")) {
            String[] words = line.trim().split("\\s+");
            if (words.length == 5 && java.util.Arrays.stream(words).allMatch(w -> w.matches("[0-9A-Fa-f]+"))) {
                long[] row = new long[5];
                for (int k = 0; k < 5; k++) {
                    row[k] = Long.parseUnsignedLong(words[k], 16);
                }
                rows.add(row);
            }
        }
        if (rows.size() != 2) {
            throw new IllegalArgumentException("/proc/net/ip_vs_stats: expected a line of counters and a line of rates, "
                    + "found " + rows.size() + " lines of numbers");
        }
        long active = 0;
        long inactive = 0;
        for (CounterSample sample : samples) {
            if (sample.realServer() == null) {
                active += sample.counters().activeConnections();
                inactive += sample.counters().inactiveConnections();
            }
        }
        long[] c = rows.get(0);
        long[] r = rows.get(1);
        return new CounterSample(null, null, new Counters(active, inactive, c[0], c[1], c[2], c[3], c[4]),
                new Rates(r[0], r[1], r[2], r[3], r[4]));
    }

    /** "service realServer" (realServer "null" for the service line) → the five numbers ending each line. */
    private static Map<String, long[]> fiveColumns(String listing, String option) {
        Map<String, long[]> out = new java.util.LinkedHashMap<>();
        String service = null;
        String[] lines = listing.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (IpvsTableParser.isHeader(line) || line.isBlank()) {
                continue;
            }
            String[] words = line.trim().split("\\s+");
            String realServer = null;
            if (line.startsWith("  ->")) {
                String[] endpoint = Addresses.splitEndpoint(words[1]);
                realServer = Addresses.endpoint(endpoint[0], Integer.parseInt(endpoint[1]));
            } else {
                service = serviceKey(line, i + 1, option).toString();
            }
            if (words.length < 5) {
                throw new IllegalArgumentException("ipvsadm " + option + " line " + (i + 1) + ": expected five counters in '"
                        + line.trim() + "'");
            }
            long[] c = new long[5];
            for (int k = 0; k < 5; k++) {
                c[k] = Long.parseLong(words[words.length - 5 + k]);
            }
            out.put(service + " " + realServer, c);
        }
        return out;
    }

    /** "service realServer" → {active, inactive}; a service's own total sums its destinations. */
    private static Map<String, long[]> connectionColumns(String listing) {
        Map<String, long[]> out = new HashMap<>();
        String service = null;
        String[] lines = listing.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (IpvsTableParser.isHeader(line)) {
                continue;
            }
            if (line.startsWith("  ->")) {
                IpvsTableParser.DestinationLine dest = IpvsTableParser.destination(line, i + 1);
                long active = IpvsTableParser.number(dest.columns()[2], line, i + 1);
                long inactive = IpvsTableParser.number(dest.columns()[3], line, i + 1);
                out.put(service + " " + Addresses.endpoint(dest.address(), dest.port()), new long[] {active, inactive});
                long[] total = out.computeIfAbsent(service + " null", k -> new long[2]);
                total[0] += active;
                total[1] += inactive;
            } else {
                service = IpvsTableParser.service(line, i + 1).key().toString();
            }
        }
        return out;
    }

    /** The stats and rate listings' service lines have numbers where the plain one has the scheduler. */
    private static ServiceKey serviceKey(String line, int lineNumber, String option) {
        String[] words = line.trim().split("\\s+");
        try {
            if (words[0].equals("FWM")) {
                return ServiceKey.ofMark(IpvsTableParser.fwmark(words[1]));
            }
            String[] endpoint = Addresses.splitEndpoint(words[1]);
            return ServiceKey.of(io.ballast.model.Protocol.valueOf(words[0]), endpoint[0], Integer.parseInt(endpoint[1]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("ipvsadm " + option + " line " + lineNumber + ": cannot read service '"
                    + line.trim() + "'", e);
        }
    }
}
