package io.ballast.model;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP literals without DNS: a spec names addresses, never host names, so nothing here looks anything up. */
public final class Addresses {

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private Addresses() {
    }

    public static boolean isIpv4(String text) {
        return text != null && IPV4.matcher(text).matches();
    }

    /** True for an IPv6 literal (no zone, no brackets). */
    public static boolean isIpv6(String text) {
        if (text == null || !text.contains(":") || !IPV6_CHARS.matcher(text).matches()) {
            return false;
        }
        return parse(text).filter(a -> a instanceof Inet6Address).isPresent();
    }

    public static boolean isLiteral(String text) {
        return isIpv4(text) || isIpv6(text);
    }

    /** Parses a literal; empty for anything else. A literal never triggers a DNS query. */
    public static Optional<InetAddress> parse(String text) {
        if (text == null || !(isIpv4(text) || (text.contains(":") && IPV6_CHARS.matcher(text).matches()))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The canonical text of a literal ("2001:db8::1" for "2001:0db8:0:0::1"); the input if it is none. */
    public static String canonical(String text) {
        if (isIpv4(text)) {
            return text; // the IPv4 pattern admits no leading zeros, so a literal is already canonical
        }
        return parse(text).map(InetAddress::getHostAddress)
                .map(s -> s.contains(":") ? compressIpv6(s) : s)
                .orElse(text);
    }

    /** address:port, with brackets around an IPv6 address. */
    public static String endpoint(String address, int port) {
        return (address != null && address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }

    /** Splits "a.b.c.d:p" or "[v6]:p" into address and port text. */
    public static String[] splitEndpoint(String endpoint) {
        if (endpoint.startsWith("[")) {
            int close = endpoint.indexOf("]:");
            if (close < 0) {
                throw new IllegalArgumentException("'" + endpoint + "' must look like [2001:db8::1]:80");
            }
            return new String[] {endpoint.substring(1, close), endpoint.substring(close + 2)};
        }
        int colon = endpoint.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("'" + endpoint + "' must look like 192.0.2.10:80");
        }
        return new String[] {endpoint.substring(0, colon), endpoint.substring(colon + 1)};
    }

    // Java prints IPv6 without "::" compression; operators and ipvsadm use the RFC 5952 form.
    private static String compressIpv6(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < groups.length; i++) {
            groups[i] = groups[i].replaceFirst("^0+(?=.)", "");
        }
        for (int i = 0; i < groups.length; ) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < groups.length && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return String.join(":", groups);
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLen, groups.length));
        return head + "::" + tail;
    }
}
