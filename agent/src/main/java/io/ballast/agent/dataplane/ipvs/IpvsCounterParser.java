package io.ballast.agent.dataplane.ipvs;

import io.ballast.model.Addresses;
import io.ballast.model.ServiceKey;
import io.ballast.model.api.CounterSample;
import io.ballast.model.api.Counters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counters from {@code ipvsadm -Ln --stats --exact} (connections, packets and bytes, cumulative),
 * joined with the active and inactive connection columns of the plain {@code ipvsadm -Ln --exact}.
 */
public final class IpvsCounterParser {

    private IpvsCounterParser() {
    }

    public static List<CounterSample> parse(String statsListing, String plainListing) {
        Map<String, long[]> connections = plainListing == null ? Map.of() : connectionColumns(plainListing);
        List<CounterSample> samples = new ArrayList<>();
        String service = null;
        String[] lines = statsListing.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (IpvsTableParser.isHeader(line)) {
                continue;
            }
            String[] words = line.trim().split("\\s+");
            String realServer = null;
            if (line.startsWith("  ->")) {
                String[] endpoint = Addresses.splitEndpoint(words[1]);
                realServer = Addresses.endpoint(endpoint[0], Integer.parseInt(endpoint[1]));
            } else {
                service = serviceKey(line, i + 1).toString();
            }
            if (words.length < 5) {
                throw new IllegalArgumentException("ipvsadm --stats line " + (i + 1) + ": expected five counters in '"
                        + line.trim() + "'");
            }
            long[] c = new long[5];
            for (int k = 0; k < 5; k++) {
                c[k] = Long.parseLong(words[words.length - 5 + k]);
            }
            long[] active = connections.getOrDefault(service + " " + realServer, new long[2]);
            samples.add(new CounterSample(service, realServer,
                    new Counters(active[0], active[1], c[0], c[1], c[2], c[3], c[4])));
        }
        return samples;
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

    /** The stats listing's service line has counters where the plain one has the scheduler. */
    private static ServiceKey serviceKey(String line, int lineNumber) {
        String[] words = line.trim().split("\\s+");
        try {
            if (words[0].equals("FWM")) {
                return ServiceKey.ofMark(Integer.parseInt(words[1]));
            }
            String[] endpoint = Addresses.splitEndpoint(words[1]);
            return ServiceKey.of(io.ballast.model.Protocol.valueOf(words[0]), endpoint[0], Integer.parseInt(endpoint[1]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("ipvsadm --stats line " + lineNumber + ": cannot read service '"
                    + line.trim() + "'", e);
        }
    }
}
