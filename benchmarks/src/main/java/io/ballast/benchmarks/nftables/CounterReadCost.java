package io.ballast.benchmarks.nftables;

import io.ballast.agent.dataplane.DataPlane;
import io.ballast.agent.dataplane.PlaneOptions;
import io.ballast.agent.dataplane.nftables.NftablesProvider;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import io.ballast.model.api.CounterSnapshot;
import io.ballast.model.plan.Planner;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * CPU of one counter sample of the nftables plane at 10,000 real servers (three counter sets of 10,000
 * elements: 30,000 kernel counters), read over netlink and through nft's listing, alternating, in one
 * process. CPU is the whole process's (every thread: the caller, nft's reader threads, GC, JIT) plus the
 * nft processes it reaped (/proc/self/stat cutime + cstime), so both readers are charged all they cost.
 *
 * <p>Usage (root): {@code java -cp AGENT_AND_BENCHMARKS_CLASSPATH io.ballast.benchmarks.nftables.CounterReadCost
 * NETNS [ROUNDS]}, NETNS an existing, otherwise empty network namespace.
 */
public final class CounterReadCost {

    private CounterReadCost() {
    }

    public static void main(String[] args) throws Exception {
        String netns = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<VirtualService> table = table(10_000);
        Path state = Files.createTempDirectory("counter-read");
        try (DataPlane netlink = open(netns, state, "netlink"); DataPlane nft = open(netns, state, "nft")) {
            netlink.apply(Planner.between(netlink.readTable(), table));
            nft.readTable();
            long[] netlinkMs = new long[rounds];
            long[] netlinkChildMs = new long[rounds];
            long[] nftMs = new long[rounds];
            long[] nftChildMs = new long[rounds];
            for (int warm = 0; warm < 5; warm++) {
                check(netlink.sampleCounters());
                check(nft.sampleCounters());
            }
            for (int i = 0; i < rounds; i++) {
                long[] before = cpu();
                check(netlink.sampleCounters());
                long[] mid = cpu();
                check(nft.sampleCounters());
                long[] after = cpu();
                netlinkMs[i] = (mid[0] - before[0] + mid[1] - before[1]) / 1_000_000;
                netlinkChildMs[i] = (mid[1] - before[1]) / 1_000_000;
                nftMs[i] = (after[0] - mid[0] + after[1] - mid[1]) / 1_000_000;
                nftChildMs[i] = (after[1] - mid[1]) / 1_000_000;
            }
            System.out.printf("one sample of 30,000 kernel counters, CPU ms (median of %d, alternating):%n", rounds);
            System.out.printf("  netlink:     %d ms (of which child processes %d ms)%n", median(netlinkMs),
                    median(netlinkChildMs));
            System.out.printf("  nft listing: %d ms (of which the nft processes %d ms)%n", median(nftMs), median(nftChildMs));
            System.out.printf("  ratio nft/netlink: %.1fx%n", (double) median(nftMs) / Math.max(1, median(netlinkMs)));
            System.out.println("  netlink rounds: " + Arrays.toString(netlinkMs));
            System.out.println("  nft rounds:     " + Arrays.toString(nftMs));
            netlink.apply(Planner.between(netlink.readTable(), List.of()));
        }
    }

    private static DataPlane open(String netns, Path state, String counters) throws Exception {
        return new NftablesProvider().open(new PlaneOptions("bench", state,
                Map.of("netns", netns, "counters", counters, "forwarding", "false")));
    }

    /** The telemetry benchmark's table: services of 100 real servers each. */
    public static List<VirtualService> table(int servers) {
        List<VirtualService> services = new ArrayList<>();
        int left = servers;
        for (int s = 0; left > 0; s++) {
            int count = Math.min(100, left);
            left -= count;
            List<RealServer> rs = new ArrayList<>(count);
            for (int r = 0; r < count; r++) {
                rs.add(RealServer.of("rs-" + s + "-" + r, "198.51.100." + (1 + r % 250), 40_000 + s, 1 + r % 10));
            }
            services.add(new VirtualService("svc-" + s, Protocol.TCP, "203.0.113." + (1 + s % 250), 30_000 + s,
                    null, null, Scheduler.WRR, null, null, null, null, null, rs));
        }
        return services;
    }

    private static void check(CounterSnapshot snapshot) {
        if (snapshot.samples().size() != 10_100) {
            throw new IllegalStateException("expected 10,100 samples, got " + snapshot.samples().size());
        }
    }

    /** {process CPU ns, reaped children's CPU ns}. */
    private static long[] cpu() throws IOException {
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[13]) + Long.parseLong(f[14]); // cutime, cstime (fields 16, 17)
        return new long[] {process, ticks * 10_000_000L}; // USER_HZ 100
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
