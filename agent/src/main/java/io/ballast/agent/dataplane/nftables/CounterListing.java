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
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            String text = line.strip();
            if (!inElements) {
                if (text.startsWith(TYPE)) {
                    type = List.of(text.substring(TYPE.length()).split(" \\. "));
                } else if (text.startsWith(ELEMENTS)) {
                    inElements = true;
                    text = text.substring(ELEMENTS.length());
                } else {
                    continue;
                }
            }
            if (!inElements) {
                continue;
            }
            if (text.endsWith("}")) {
                text = text.substring(0, text.length() - 1);
                inElements = false;
            }
            for (String element : text.split(",")) {
                String trimmed = element.strip();
                if (!trimmed.isEmpty()) {
                    element(trimmed, type, counters, lineNumber);
                }
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

    /** {@code KEY counter packets N bytes N}. */
    private static void element(String element, List<String> type, Map<String, NftRulesetRenderer.CounterValue> out,
                                int line) throws IOException {
        int counter = element.indexOf(COUNTER);
        String key = counter < 0 ? element : element.substring(0, counter);
        long packets = 0;
        long bytes = 0;
        if (counter >= 0) {
            String[] values = element.substring(counter + COUNTER.length()).split(" ");
            if (values.length < 3 || !values[1].equals("bytes")) {
                throw new IOException("Unexpected counter in nft's listing, line " + line + ": '" + element + "'.");
            }
            try {
                packets = Long.parseLong(values[0]);
                bytes = Long.parseLong(values[2]);
            } catch (NumberFormatException e) {
                throw new IOException("Unexpected counter in nft's listing, line " + line + ": '" + element + "'.", e);
            }
        }
        out.put(key(key, type), new NftRulesetRenderer.CounterValue(packets, bytes));
    }

    private static String key(String key, List<String> type) throws IOException {
        if (!type.contains("inet_proto") && !type.contains("mark")) {
            return key;
        }
        String[] parts = key.split(" \\. ");
        StringBuilder out = new StringBuilder(key.length() + 8);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append(" . ");
            }
            String kind = i < type.size() ? type.get(i) : "";
            out.append(kind.equals("inet_proto") ? protocol(parts[i]) : kind.equals("mark") ? mark(parts[i]) : parts[i]);
        }
        return out.toString();
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
