package io.ballast.benchmarks.nftables;

import io.ballast.agent.dataplane.nftables.netlink.NetlinkSocket;
import io.ballast.agent.dataplane.nftables.netlink.SetElementDump;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the kernel's time goes when the nftables plane reads 30,000 counters: the same 30,000 counter
 * elements dumped over netlink as three sets of 10,000 (the plane's layout) and as three times 16 sets
 * of 625. A dump comes in 32 KiB parts and each part walks its set from the start, so small sets walk
 * less; what remains is the kernel's work per element. CPU is the reading thread's (its system time is
 * the kernel's dump), median of the measured rounds, the two layouts alternating.
 *
 * <p>Usage (root): {@code java -cp AGENT_AND_BENCHMARKS_CLASSPATH io.ballast.benchmarks.nftables.CounterDumpShards
 * NETNS [ROUNDS]}, NETNS an existing network namespace; it makes the table {@code inet bldump} there and
 * deletes it at the end.
 */
public final class CounterDumpShards {

    private static final String TABLE = "bldump";
    private static final int KINDS = 3;
    private static final int ELEMENTS = 10_000;
    private static final int SHARDS = 16;

    private CounterDumpShards() {
    }

    public static void main(String[] args) throws Exception {
        String netns = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        nft(netns, script());
        try (NetlinkSocket socket = NetlinkSocket.open(netns)) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long[] whole = new long[rounds];
            long[] sharded = new long[rounds];
            long[] wholeUser = new long[rounds];
            for (int i = -5; i < rounds; i++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long u0 = threads.getCurrentThreadUserTime();
                int a = dump(socket, 1);
                long c1 = threads.getCurrentThreadCpuTime();
                long u1 = threads.getCurrentThreadUserTime();
                int b = dump(socket, SHARDS);
                long c2 = threads.getCurrentThreadCpuTime();
                if (a != KINDS * ELEMENTS || b != KINDS * ELEMENTS) {
                    throw new IllegalStateException("dumped " + a + " and " + b + " elements, not " + KINDS * ELEMENTS);
                }
                if (i >= 0) {
                    whole[i] = c1 - c0;
                    wholeUser[i] = u1 - u0;
                    sharded[i] = c2 - c1;
                }
            }
            System.out.printf("dump of %,d counter elements over netlink, thread CPU (median of %d, alternating):%n",
                    KINDS * ELEMENTS, rounds);
            System.out.printf("  %d sets of %,d:    %.1f ms (user %.1f ms, mean of rounds)%n", KINDS, ELEMENTS,
                    median(whole) / 1e6, mean(wholeUser) / 1e6);
            System.out.printf("  %d sets of %,d:     %.1f ms%n", KINDS * SHARDS, ELEMENTS / SHARDS, median(sharded) / 1e6);
        } finally {
            nft(netns, "delete table inet " + TABLE + "\n");
        }
    }

    /** Dumps every set of the layout cut into {@code shards} sets a kind; returns the elements seen. */
    private static int dump(NetlinkSocket socket, int shards) throws IOException {
        int[] seen = new int[1];
        for (int kind = 0; kind < KINDS; kind++) {
            for (int shard = 0; shard < shards; shard++) {
                SetElementDump.read(socket, SetElementDump.NFPROTO_INET, TABLE, name(kind, shard, shards),
                        (message, at, length, packets, bytes) -> seen[0]++);
            }
        }
        return seen[0];
    }

    private static String name(int kind, int shard, int shards) {
        return shards == 1 ? "whole" + kind : "shard" + kind + "_" + shard;
    }

    /** The plane's key type; 100 services × 100 servers, as in the telemetry benchmark. */
    private static String script() {
        String declaration = "{ type ipv4_addr . inet_proto . ipv4_addr . inet_service ; counter ; }";
        StringBuilder out = new StringBuilder("add table inet " + TABLE + "\n");
        for (int kind = 0; kind < KINDS; kind++) {
            for (int shards : new int[] {1, SHARDS}) {
                int size = ELEMENTS / shards;
                for (int shard = 0; shard < shards; shard++) {
                    String set = name(kind, shard, shards);
                    out.append("add set inet ").append(TABLE).append(' ').append(set).append(' ').append(declaration).append('\n');
                    List<String> elements = new ArrayList<>(size);
                    for (int e = shard * size; e < (shard + 1) * size; e++) {
                        int service = e / 100;
                        int server = e % 100;
                        elements.add("203.0.113." + (1 + service % 250) + " . tcp . 198.51.100." + (1 + server) + " . "
                                + (40_000 + service));
                    }
                    for (int from = 0; from < size; from += 1_000) {
                        out.append("add element inet ").append(TABLE).append(' ').append(set).append(" { ")
                                .append(String.join(", ", elements.subList(from, Math.min(size, from + 1_000))))
                                .append(" }\n");
                    }
                }
            }
        }
        return out.toString();
    }

    private static void nft(String netns, String script) throws IOException, InterruptedException {
        Process nft = new ProcessBuilder("ip", "netns", "exec", netns, "nft", "-f", "-").redirectErrorStream(true).start();
        try (OutputStream in = nft.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.US_ASCII));
        }
        String output = new String(nft.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (nft.waitFor() != 0) {
            throw new IOException("nft failed in namespace " + netns + ": " + output);
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long mean(long[] values) {
        long sum = 0;
        for (long value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
