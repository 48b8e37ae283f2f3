package io.ballast.agent.failover.scenario;

import io.ballast.agent.testsupport.netns.AgentProcess;
import io.ballast.agent.testsupport.netns.DirectorPair;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A director's connection-tracking table as the failover benchmark reports it: the client's connections
 * to the VIP counted by TCP state and port, and the entries of given client ports. Read from
 * {@code /proc/net/nf_conntrack} in the director's namespace (one read, no conntrack-tools needed).
 *
 * @param lines the table's lines for connections to the VIP
 */
record ConntrackView(List<String> lines) {

    private static final String TO_VIP = " dst=" + DirectorPair.VIP + " ";

    static ConntrackView of(AgentProcess director) {
        String table = director.namespace().exec("cat", "/proc/net/nf_conntrack").stdout();
        return new ConntrackView(table.lines().filter(l -> l.contains(TO_VIP)).toList());
    }

    /** "STATE/dport" → count, e.g. {"ESTABLISHED/80": 3, "TIME_WAIT/80": 812, "ESTABLISHED/7000": 20}. */
    Map<String, Integer> byState() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            // ipv4 2 tcp 6 <timeout> <STATE> src=… dst=… sport=… dport=…
            if (f.length > 9 && f[2].equals("tcp")) {
                counts.merge(f[5] + "/" + field(line, "dport"), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The entries (at most {@code max}) of the client's connections from these source ports, shortened. */
    List<String> forPorts(Collection<Integer> ports, int max) {
        List<String> found = new ArrayList<>();
        for (String line : lines) {
            if (found.size() >= max) {
                break;
            }
            String sport = field(line, "sport");
            if (sport != null && ports.contains(Integer.parseInt(sport))) {
                found.add(line.replaceFirst("^ipv4\\s+2\\s+tcp\\s+6\\s+", "").replaceAll("\\s+(mark|zone|use)=\\d+", ""));
            }
        }
        return found;
    }

    /** The entries (at most {@code max}) of the client's connections from these ports that are closed (TIME_WAIT, CLOSE). */
    List<String> closedFrom(Collection<Integer> ports, int max) {
        return forPorts(ports, Integer.MAX_VALUE).stream()
                .filter(e -> e.contains(" TIME_WAIT ") || e.contains(" CLOSE ")).limit(max).toList();
    }

    /** The first value of {@code key=} in an entry (the original direction's). */
    private static String field(String line, String key) {
        int at = line.indexOf(" " + key + "=");
        if (at < 0) {
            return null;
        }
        int from = at + key.length() + 2;
        int to = line.indexOf(' ', from);
        return to < 0 ? line.substring(from) : line.substring(from, to);
    }
}
