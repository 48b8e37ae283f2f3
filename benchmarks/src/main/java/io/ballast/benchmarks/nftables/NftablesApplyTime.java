package io.ballast.benchmarks.nftables;

import io.ballast.agent.dataplane.DataPlane;
import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.dataplane.PlaneOptions;
import io.ballast.agent.dataplane.nftables.NftablesProvider;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import io.ballast.model.plan.Plan;
import io.ballast.model.plan.Planner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Apply time of the nftables plane at the design's large size (2,277 services / 37,205 real servers)
 * and of one weight change at that size. Not a JMH benchmark: each step changes kernel state, so it
 * is timed once per round, with rounds repeated and the median reported.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.ballast.benchmarks.nftables.NftablesApplyTime NETNS [ROUNDS]}
 * (root; NETNS an existing, otherwise empty network namespace; benchmarks/scripts/nftables-vs-haproxy.sh makes one).
 */
public final class NftablesApplyTime {

    static final int SERVICES = 2_277;
    static final int REAL_SERVERS = 37_205;

    private NftablesApplyTime() {
    }

    public static void main(String[] args) throws Exception {
        String netns = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int weightChanges = Integer.parseInt(System.getProperty("weightChanges", "31"));
        List<VirtualService> table = bigTable();
        Path state = Files.createTempDirectory("nft-bench");
        long[] fullApply = new long[rounds];
        long[] fullRead = new long[rounds];
        long[] rewrite = new long[rounds];
        List<Long> weightChange = new ArrayList<>();
        List<Long> bareNft = new ArrayList<>();
        List<Long> sessionNft = new ArrayList<>();
        List<Long> wrrChanges = new ArrayList<>();
        List<Long> otherChanges = new ArrayList<>();
        List<Long> driftChecks = new ArrayList<>();
        // CPU, not wall: on this shared machine wall time is mostly waiting for a core.
        long planeCpu = 0;
        long planeJavaCpu = 0;
        long bareCpu = 0;
        long bareSessionCpu = 0;
        List<Long> counterSamples = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            try (DataPlane plane = open(netns, state)) {
                plane.apply(Planner.between(plane.readTable(), List.of())); // start from nothing
                long t0 = System.nanoTime();
                plane.apply(Planner.between(List.of(), table));
                fullApply[round] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                List<VirtualService> read = plane.readTable();
                fullRead[round] = System.nanoTime() - t0;
                if (!Planner.between(read, table).isEmpty()) {
                    throw new IllegalStateException("read-back differs from what was applied");
                }
                List<VirtualService> current = table;
                plane.apply(Planner.between(current, withWeight(current, 0, 9))); // starts the nft session
                current = withWeight(current, 0, 9);
                long sessionBefore = sessionCpuNanos();
                long javaCpu = 0;
                BareSession bare = new BareSession(netns);
                for (int i = 0; i < weightChanges; i++) {
                    int changed = (i * 97 + round * 13) % SERVICES;
                    List<VirtualService> next = withWeight(current, changed, 1 + i % 9);
                    Plan plan = Planner.between(current, next);
                    long cpu0 = THREADS.getCurrentThreadCpuTime();
                    t0 = System.nanoTime();
                    plane.apply(plan);
                    weightChange.add(System.nanoTime() - t0);
                    (current.get(changed).scheduler() == Scheduler.WRR ? wrrChanges : otherChanges)
                            .add(weightChange.get(weightChange.size() - 1));
                    javaCpu += THREADS.getCurrentThreadCpuTime() - cpu0;
                    current = next;
                    // The floor, back to back: a bare nft -f of one element change in the same table.
                    String verb = i % 2 == 0 ? "add" : "delete";
                    t0 = System.nanoTime();
                    bareCpu += runWithInput(netns, verb + " element inet ballast vip4 { 192.0.2.250 }\n", "nft", "-f", "-");
                    bareNft.add(System.nanoTime() - t0);
                    // The floor without a process start: the same one-element change through a long-lived nft -i.
                    t0 = System.nanoTime();
                    bare.apply((i % 2 == 0 ? "add" : "delete") + " element inet ballast vip4 { 192.0.2.251 }");
                    sessionNft.add(System.nanoTime() - t0);
                }
                bareSessionCpu += bare.cpuNanos();
                planeCpu += sessionCpuNanos() - sessionBefore - bare.cpuNanos() + javaCpu;
                bare.close();
                planeJavaCpu += javaCpu;
                // The reconciler's periodic check when nothing drifted: the cheap look, then the counters.
                for (int i = 0; i < 5; i++) {
                    t0 = System.nanoTime();
                    if (plane.mayHaveDrifted()) {
                        throw new IllegalStateException("the drift check saw drift in a table only this plane changed");
                    }
                    driftChecks.add(System.nanoTime() - t0);
                }
                for (int i = 0; i < 3; i++) {
                    t0 = System.nanoTime();
                    plane.sampleCounters();
                    counterSamples.add(System.nanoTime() - t0);
                }
            }
            // A fresh plane that finds a damaged table rewrites it whole, carrying counters over.
            try (DataPlane plane = open(netns, state)) {
                run(netns, "nft", "delete", "element", "inet", "ballast", "svc4", "{ 203.0.113.1 . tcp . 80 }");
                List<VirtualService> read = plane.readTable();
                long t0 = System.nanoTime();
                plane.apply(Planner.between(read, table));
                rewrite[round] = System.nanoTime() - t0;
            }
            System.out.printf("round %d: full apply %.0f ms, read-back %.0f ms, whole rewrite %.0f ms%n",
                    round + 1, fullApply[round] / 1e6, fullRead[round] / 1e6, rewrite[round] / 1e6);
        }
        long[] changes = weightChange.stream().mapToLong(Long::longValue).toArray();
        long[] floor = bareNft.stream().mapToLong(Long::longValue).toArray();
        System.out.printf("%nsize: %d services, %d real servers%n", table.size(),
                table.stream().mapToInt(s -> s.realServers().size()).sum());
        System.out.printf("full apply (plan from empty, one transaction): median %.0f ms of %d%n", median(fullApply) / 1e6, rounds);
        System.out.printf("read-back (nft -j list table + parse): median %.0f ms%n", median(fullRead) / 1e6);
        System.out.printf("whole-table rewrite after damage: median %.0f ms%n", median(rewrite) / 1e6);
        System.out.printf("one weight change at that size: median %.1f ms, p90 %.1f ms, max %.1f ms (n=%d)%n",
                median(changes) / 1e6, percentile(changes, 0.9) / 1e6, Arrays.stream(changes).max().orElse(0) / 1e6,
                changes.length);
        System.out.printf("peer, bare 'ip netns exec NS nft -f -' of one element: median %.1f ms, p90 %.1f ms (n=%d);"
                        + " plane / bare (medians) %.2f%n", median(floor) / 1e6, percentile(floor, 0.9) / 1e6, floor.length,
                (double) median(changes) / median(floor));
        long[] viaSession = sessionNft.stream().mapToLong(Long::longValue).toArray();
        System.out.printf("peer 2, the same one-element change through a long-lived 'nft -i': median %.1f ms, p90 %.1f ms;"
                        + " plane / peer 2 %.2f%n", median(viaSession) / 1e6, percentile(viaSession, 0.9) / 1e6,
                (double) median(changes) / median(viaSession));
        System.out.printf("peer 2 CPU per change (its nft -i, from /proc, 10 ms ticks): %.1f ms%n",
                bareSessionCpu / 1e6 / (weightChanges * rounds));
        long[] wrr = wrrChanges.stream().mapToLong(Long::longValue).toArray();
        long[] others = otherChanges.stream().mapToLong(Long::longValue).toArray();
        System.out.printf("weight change by scheduler: wrr (slot count changes: chain rewritten) median %.1f ms (n=%d);"
                + " rr and mh (elements only) median %.1f ms (n=%d)%n", median(wrr) / 1e6, wrr.length,
                median(others) / 1e6, others.length);
        int n = weightChanges * rounds;
        System.out.printf("CPU per weight change: plane %.1f ms (nft session %.1f ms + applying thread %.1f ms),"
                        + " bare nft -f (ip netns exec + nft, user+sys) %.1f ms; plane / bare %.2f%n", planeCpu / 1e6 / n,
                (planeCpu - planeJavaCpu) / 1e6 / n, planeJavaCpu / 1e6 / n, bareCpu / 1e6 / n, (double) planeCpu / bareCpu);
        long[] checks = driftChecks.stream().mapToLong(Long::longValue).toArray();
        long[] samples = counterSamples.stream().mapToLong(Long::longValue).toArray();
        System.out.printf("drift check, nothing drifted (mayHaveDrifted): median %.1f ms (n=%d); vs read-back %.0fx%n",
                median(checks) / 1e6, checks.length, (double) median(fullRead) / median(checks));
        System.out.printf("sampleCounters (connections, packets, bytes): median %.0f ms (n=%d)%n",
                median(samples) / 1e6, samples.length);
        if (!(args.length > 2 && args[2].equals("keep"))) {
            run(netns, "nft", "delete", "table", "inet", "ballast");
        }
    }

    static DataPlane open(String netns, Path state) throws DataPlaneException {
        return new NftablesProvider().open(new PlaneOptions("bench", state, Map.of("netns", netns)));
    }

    /** 2,277 services on 203.0.113.1-254 ports 80-89, 16 or 17 real servers each, weights 1-5. */
    static List<VirtualService> bigTable() {
        List<VirtualService> services = new ArrayList<>(SERVICES);
        int serverIndex = 0;
        for (int s = 0; s < SERVICES; s++) {
            int count = REAL_SERVERS / SERVICES + (s < REAL_SERVERS % SERVICES ? 1 : 0);
            List<RealServer> servers = new ArrayList<>(count);
            for (int r = 0; r < count; r++, serverIndex++) {
                servers.add(RealServer.of(null, "198.51.100." + (1 + serverIndex % 254), 8000 + serverIndex / 254,
                        1 + serverIndex % 5));
            }
            Scheduler scheduler = switch (s % 4) {
                case 0, 1 -> Scheduler.WRR;
                case 2 -> Scheduler.RR;
                default -> Scheduler.MH;
            };
            services.add(new VirtualService(null, Protocol.TCP, "203.0.113." + (1 + s % 254), 80 + s / 254, null, null,
                    scheduler, Set.of(), null, ForwardingMethod.NAT, null, null, servers));
        }
        return services;
    }

    static List<VirtualService> withWeight(List<VirtualService> table, int service, int weight) {
        List<VirtualService> next = new ArrayList<>(table);
        VirtualService target = next.get(service);
        List<RealServer> servers = new ArrayList<>(target.realServers());
        servers.set(0, servers.get(0).withWeight(servers.get(0).weight() == weight ? weight + 1 : weight));
        next.set(service, target.withRealServers(servers));
        return next;
    }

    static void run(String netns, String... argv) throws Exception {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", netns));
        full.addAll(List.of(argv));
        Process process = new ProcessBuilder(full).inheritIO().start();
        process.waitFor();
    }

    /** Runs the command from bash; returns its user + sys CPU in nanoseconds (bash's times: ms precision). */
    static long runWithInput(String netns, String input, String... argv) throws Exception {
        List<String> full = List.of("bash", "-c", "ip netns exec " + netns + " " + String.join(" ", argv)
                + " && times >&2");
        Process process = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (var in = process.getOutputStream()) {
            in.write(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String err = new String(process.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("'" + String.join(" ", full) + "' failed: " + err);
        }
        // times prints the shell's own and then its children's "0m0.004s 0m0.008s".
        String[] lines = err.strip().split("\n");
        long total = 0;
        for (String part : lines[lines.length - 1].trim().split(" ")) {
            String[] ms = part.replace("s", "").split("m");
            total += Math.round((Long.parseLong(ms[0]) * 60 + Double.parseDouble(ms[1])) * 1e9);
        }
        return total;
    }

    /** User + sys CPU of the plane's long-lived nft -i processes (children of this JVM), from /proc. */
    static long sessionCpuNanos() throws Exception {
        long ticks = 0;
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            String cmd = child.info().commandLine().orElse("");
            if (cmd.contains("nft") && cmd.endsWith("-i")) {
                String stat = Files.readString(Path.of("/proc/" + child.pid() + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            }
        }
        return ticks * 10_000_000L; // USER_HZ 100
    }

    /** A long-lived {@code nft -i} in the namespace, as the plane keeps one, for the floor without a process start. */
    static final class BareSession implements AutoCloseable {
        private final Process process;
        private final java.io.BufferedReader stderr;
        private final java.io.OutputStream stdin;
        private int sequence;

        BareSession(String netns) throws Exception {
            ProcessBuilder builder = new ProcessBuilder("ip", "netns", "exec", netns, "nft", "-i")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("HOME", "/nonexistent");
            process = builder.start();
            stdin = process.getOutputStream();
            stderr = new java.io.BufferedReader(new java.io.InputStreamReader(process.getErrorStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }

        void apply(String line) throws Exception {
            String marker = "bench-sync-" + (++sequence);
            stdin.write((line + "\n" + marker + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            stdin.flush();
            for (String out = stderr.readLine(); out != null; out = stderr.readLine()) {
                if (out.equals(marker)) {
                    stderr.readLine(); // the caret line
                    return;
                }
            }
            throw new IllegalStateException("nft -i ended");
        }

        long cpuNanos() throws Exception {
            long ticks = 0;
            for (ProcessHandle p : process.descendants().toList()) {
                ticks += ticks(p.pid());
            }
            return (ticks + ticks(process.pid())) * 10_000_000L;
        }

        private static long ticks(long pid) throws Exception {
            Path stat = Path.of("/proc/" + pid + "/stat");
            if (!Files.exists(stat)) {
                return 0;
            }
            String text = Files.readString(stat);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }

        @Override
        public void close() throws Exception {
            stdin.close();
            process.waitFor();
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    static long median(long[] values) {
        return percentile(values, 0.5);
    }

    static long percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }
}
