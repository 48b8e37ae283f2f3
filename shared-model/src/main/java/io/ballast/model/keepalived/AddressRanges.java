package io.ballast.model.keepalived;

import io.ballast.model.Addresses;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * keepalived's address ranges in virtual_server_group: "192.0.2.1-10" (last part), "192.0.2.250-192.0.3.10"
 * (full), "192.0.2.8/29" (prefix); IPv6 alike with the last group in hex.
 */
final class AddressRanges {

    /** Ballast writes every address out; more than this is refused rather than silently exploding a spec. */
    static final int MAX_ADDRESSES = 256;

    private AddressRanges() {
    }

    /** The canonical addresses of {@code text}; throws IllegalArgumentException with a sentence. */
    static List<String> expand(String text) {
        if (Addresses.isLiteral(text)) {
            return List.of(Addresses.canonical(text));
        }
        int slash = text.indexOf('/');
        int dash = text.indexOf('-');
        BigInteger first;
        BigInteger last;
        int bytes;
        if (slash > 0) {
            InetAddress base = literal(text.substring(0, slash), text);
            bytes = base.getAddress().length;
            int prefix = parsePrefix(text.substring(slash + 1), bytes * 8, text);
            BigInteger hostMask = BigInteger.ONE.shiftLeft(bytes * 8 - prefix).subtract(BigInteger.ONE);
            first = new BigInteger(1, base.getAddress()).andNot(hostMask);
            last = first.or(hostMask);
        } else if (dash > 0) {
            String start = text.substring(0, dash);
            String end = text.substring(dash + 1);
            InetAddress from = literal(start, text);
            bytes = from.getAddress().length;
            first = new BigInteger(1, from.getAddress());
            if (Addresses.isLiteral(end)) {
                last = new BigInteger(1, literal(end, text).getAddress());
            } else {
                boolean v6 = bytes == 16;
                int cut = v6 ? start.lastIndexOf(':') : start.lastIndexOf('.');
                last = new BigInteger(1, literal(start.substring(0, cut + 1) + end, text).getAddress());
                if (!v6 && !end.matches("\\d{1,3}") || v6 && !end.matches("[0-9A-Fa-f]{1,4}")) {
                    throw new IllegalArgumentException("'" + text + "' is not an address range");
                }
            }
        } else {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or range");
        }
        if (last.compareTo(first) < 0) {
            throw new IllegalArgumentException("the range '" + text + "' ends before it starts");
        }
        BigInteger count = last.subtract(first).add(BigInteger.ONE);
        if (count.compareTo(BigInteger.valueOf(MAX_ADDRESSES)) > 0) {
            throw new IllegalArgumentException("the range '" + text + "' holds " + count + " addresses; Ballast expands"
                    + " at most " + MAX_ADDRESSES + " per line, split it or use a firewall-mark service");
        }
        List<String> result = new ArrayList<>();
        for (BigInteger a = first; a.compareTo(last) <= 0; a = a.add(BigInteger.ONE)) {
            result.add(toText(a, bytes));
        }
        return result;
    }

    private static int parsePrefix(String text, int max, String whole) {
        try {
            int prefix = Integer.parseInt(text);
            if (prefix >= 0 && prefix <= max) {
                return prefix;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + whole + "' has a prefix length that is not between 0 and " + max);
    }

    private static InetAddress literal(String text, String whole) {
        return Addresses.parse(text).orElseThrow(() -> new IllegalArgumentException("'" + whole + "' is not an address range"));
    }

    private static String toText(BigInteger value, int bytes) {
        byte[] raw = value.toByteArray();
        byte[] address = new byte[bytes];
        int copy = Math.min(raw.length, bytes);
        System.arraycopy(raw, raw.length - copy, address, bytes - copy, copy);
        try {
            return Addresses.canonical(InetAddress.getByAddress(address).getHostAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
