package io.ballast.netns;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A small IPv4 subnet (/28) for a link between this host's own namespace and a lab, chosen so that
 * it overlaps no route the host already has: the host's uplink may itself sit in a documentation range.
 *
 * @param base the subnet's first address as an unsigned 32-bit number
 */
public record HostSubnet(long base) {

    public static final int PREFIX = 28;
    private static final long SIZE = 1L << (32 - PREFIX);

    /**
     * A /28 inside one of {@code ranges} ("198.51.100.128/25"…) that no route of the host's namespace
     * overlaps (the default route aside), picked at random among the free ones so that two labs started
     * together are unlikely to pick the same.
     *
     * @throws NetnsException when every block is taken
     */
    public static HostSubnet pickFree(List<String> ranges) {
        List<long[]> taken = new ArrayList<>();
        for (String line : Netns.run(List.of("ip", "-4", "route", "show", "table", "all"), null, true).stdout()
                .lines().toList()) {
            // "192.0.2.0/24 dev …", or a route type first: "local 127.0.0.0/8 …", "broadcast …", "blackhole …".
            String[] words = line.trim().split("\\s+");
            for (int i = 0; i < Math.min(2, words.length); i++) {
                if (!words[i].isEmpty() && Character.isDigit(words[i].charAt(0))) {
                    taken.add(cidr(words[i]));
                    break;
                }
            }
        }
        List<HostSubnet> free = new ArrayList<>();
        for (String range : ranges) {
            long[] r = cidr(range);
            for (long block = r[0]; block < r[0] + r[1]; block += SIZE) {
                long start = block;
                if (taken.stream().noneMatch(t -> start < t[0] + t[1] && t[0] < start + SIZE)) {
                    free.add(new HostSubnet(block));
                }
            }
        }
        if (free.isEmpty()) {
            throw new NetnsException("no free /" + PREFIX + " left in " + String.join(", ", ranges)
                    + " on this host (each running lab takes one); stop a lab or remove the routes that cover them");
        }
        return free.get(ThreadLocalRandom.current().nextInt(free.size()));
    }

    /** The {@code n}th address of the subnet (1 … 14). */
    public String address(int n) {
        if (n < 1 || n >= SIZE - 1) {
            throw new IllegalArgumentException("a /" + PREFIX + " has hosts 1 to " + (SIZE - 2) + ", not " + n);
        }
        return dotted(base + n);
    }

    /** {@code address(n)} with the prefix length, for {@code ip addr add}. */
    public String cidr(int n) {
        return address(n) + "/" + PREFIX;
    }

    @Override
    public String toString() {
        return dotted(base) + "/" + PREFIX;
    }

    // {start, size} of "a.b.c.d/len" (or a bare address, /32).
    static long[] cidr(String text) {
        String[] parts = text.split("/");
        int length = parts.length > 1 ? Integer.parseInt(parts[1]) : 32;
        long value = 0;
        for (String octet : parts[0].split("\\.")) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        long size = 1L << (32 - length);
        return new long[] {value & ~(size - 1) & 0xFFFFFFFFL, size};
    }

    private static String dotted(long value) {
        return ((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
    }
}
