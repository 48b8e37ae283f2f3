package io.ballast.agent.dataplane.nftables;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one counter set from {@code nft -p list set} (nft's text form) as it streams out of nft:
 * element key (as {@link NftRulesetRenderer#counterKey} writes it) → packets and bytes.
 *
 * <p>Why this form, measured at 10,000 elements (docs/benchmarks/telemetry.md): nft spends ~0.22 s of
 * CPU on {@code -j list set}, a third of it looking every element's protocol up in /etc/protocols (it
 * opens and reads the file once per element); {@code -p} prints the protocol's number instead
 * (~0.15 s), and the text form saves nft building a JSON tree (~0.12 s). Parsing the text here is a
 * few milliseconds, and nothing of it is held as one megabyte String.
 *
 * <pre>
 * table inet ballast {
 *     set rsc4 {
 *         type ipv4_addr . inet_proto . ipv4_addr . inet_service
 *         counter
 *         elements = { 203.0.113.1 . 6 . 198.51.100.1 . 40000 counter packets 3 bytes 180,
 *                      203.0.113.1 . 6 . 198.51.100.2 . 40000 counter packets 0 bytes 0 }
 *     }
 * }
 * </pre>
 * Numbers are turned back into the names the keys use, guided by the set's type, so a port that
 * happens to be 6 stays a number; marks, which nft prints in hex, become decimal.
 */
final class CounterListing {

    private static final String TYPE = "type ";
    private static final String ELEMENTS = "elements = {";
    private static final String COUNTER = " counter packets ";

    private CounterListing() {
    }

    static Map<String, NftRulesetRenderer.CounterValue> read(InputStream listing) throws IOException {
        Map<String, NftRulesetRenderer.CounterValue> counters = new HashMap<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(listing, StandardCharsets.UTF_8), 1 << 16);
        List<String> type = List.of();
        boolean inElements = false;
        int lineNumber = 0;
        StringBuilder key = new StringBuilder(64);
        // Indexes into the line rather than substrings: 30,000 elements a second, one line each.
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            int from = skipSpaces(line, 0);
            if (!inElements) {
                if (line.startsWith(TYPE, from)) {
                    type = List.of(line.substring(from + TYPE.length()).strip().split(" \\. "));
                    continue;
                }
                if (!line.startsWith(ELEMENTS, from)) {
                    continue;
                }
                inElements = true;
                from = skipSpaces(line, from + ELEMENTS.length());
            }
            int to = line.length();
            while (to > from && line.charAt(to - 1) == ' ') {
                to--;
            }
            if (to > from && line.charAt(to - 1) == '}') {
                inElements = false;
                to--;
            }
            // Elements with counters come one a line; without, nft packs several, separated by ", ".
            while (from < to) {
                int comma = line.indexOf(',', from);
                int end = comma < 0 || comma > to ? to : comma;
                int last = end;
                while (last > from && line.charAt(last - 1) == ' ') {
                    last--;
                }
                if (last > from) {
                    element(line, from, last, type, key, counters, lineNumber);
                }
                from = skipSpaces(line, end + 1);
            }
        }
        if (inElements) {
            throw new IOException("nft's listing of a counter set ended inside its elements (line " + lineNumber
                    + "): it was cut off.");
        }
        if (lineNumber == 0) {
            throw new IOException("nft listed nothing for a counter set.");
        }
        return counters;
    }

    private static int skipSpaces(String line, int from) {
        int i = from;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** {@code KEY counter packets N bytes N}, from {@code from} to {@code to} of the line. */
    private static void element(String line, int from, int to, List<String> type, StringBuilder key,
                                Map<String, NftRulesetRenderer.CounterValue> out, int lineNumber) throws IOException {
        int counter = line.indexOf(COUNTER, from);
        if (counter < 0 || counter > to) {
            counter = to;
        }
        long packets = 0;
        long bytes = 0;
        if (counter < to) {
            int at = counter + COUNTER.length();
            int space = line.indexOf(' ', at);
            if (space < 0 || space > to || !line.startsWith(" bytes ", space)) {
                throw unexpected(line, from, to, lineNumber);
            }
            packets = number(line, at, space, lineNumber);
            int bytesAt = space + " bytes ".length();
            int bytesEnd = line.indexOf(' ', bytesAt);
            bytes = number(line, bytesAt, bytesEnd < 0 || bytesEnd > to ? to : bytesEnd, lineNumber);
        }
        key.setLength(0);
        int start = from;
        for (int i = 0; start <= counter; i++) {
            int end = line.indexOf(" . ", start);
            if (end < 0 || end > counter) {
                end = counter;
            }
            if (i > 0) {
                key.append(" . ");
            }
            String kind = i < type.size() ? type.get(i) : "";
            if (kind.equals("inet_proto")) {
                key.append(protocol(line.substring(start, end)));
            } else if (kind.equals("mark")) {
                key.append(mark(line.substring(start, end)));
            } else {
                key.append(line, start, end);
            }
            if (end == counter) {
                break;
            }
            start = end + 3;
        }
        out.put(key.toString(), new NftRulesetRenderer.CounterValue(packets, bytes));
    }

    private static long number(String line, int from, int to, int lineNumber) throws IOException {
        if (from >= to) {
            throw unexpected(line, from, to, lineNumber);
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw unexpected(line, from, to, lineNumber);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static IOException unexpected(String line, int from, int to, int lineNumber) {
        return new IOException("Unexpected counter in nft's listing, line " + lineNumber + ": '"
                + line.strip() + "'.");
    }

    /** The names {@link NftRulesetRenderer#counterKey} uses for the protocols a service can have. */
    static String protocol(String number) {
        switch (number) {
            case "6":
                return "tcp";
            case "17":
                return "udp";
            case "132":
                return "sctp";
            default:
                return number;
        }
    }

    /** nft prints marks as 0x0000002a; keys carry them in decimal. */
    private static String mark(String text) throws IOException {
        try {
            return text.startsWith("0x") ? Long.toString(Long.parseLong(text.substring(2), 16)) : text;
        } catch (NumberFormatException e) {
            throw new IOException("Unexpected mark '" + text + "' in nft's listing of a counter set.", e);
        }
    }
}
