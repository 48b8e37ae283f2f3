import io.ballast.agent.health.HealthMonitors;
import io.ballast.agent.health.HealthVerdict;
import io.ballast.agent.health.ScheduledHealthMonitor;
import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.HealthCheck;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The checking side of the health-check benchmark: one standard monitor watching ADDRESSES x PORTS
 * real servers (the endpoints HealthCheckServers listens on) with a TCP check every INTERVAL ms.
 * After WARMUP s it measures this JVM's CPU time (all threads: checker, JIT, GC) and the checks
 * completed over MEASURE s, and prints one result line per figure.
 *
 * Usage: java -cp AGENT_CLASSPATH HealthCheckLoad.java ADDRESSES PORTS FIRST_PORT INTERVAL WARMUP MEASURE
 */
public class HealthCheckLoad {

    public static void main(String[] args) throws Exception {
        int addresses = Integer.parseInt(args[0]);
        int ports = Integer.parseInt(args[1]);
        int firstPort = Integer.parseInt(args[2]);
        int intervalMs = Integer.parseInt(args[3]);
        int warmupS = Integer.parseInt(args[4]);
        int measureS = Integer.parseInt(args[5]);

        // One service per address: real servers are the address's ports (10,000 for 100 x 100).
        List<VirtualService> services = new ArrayList<>();
        HealthCheck check = HealthCheck.tcp(intervalMs, 500, 2, 3);
        for (int a = 0; a < addresses; a++) {
            List<RealServer> servers = new ArrayList<>();
            for (int p = 0; p < ports; p++) {
                servers.add(RealServer.of(null, address(a), firstPort + p, 1));
            }
            services.add(new VirtualService("svc" + a, Protocol.TCP, "203.0.113." + (a % 250 + 1), 10_000 + a,
                    null, null, Scheduler.WRR, null, null, null, null, check, servers));
        }
        ClusterSpec spec = new ClusterSpec(ClusterSpec.SCHEMA_VERSION, "bench", ClusterForm.SINGLE, 1, List.of(),
                services, null);

        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        LongAdder failedChecks = new LongAdder();
        Map<String, LongAdder> failureDetails = new java.util.concurrent.ConcurrentHashMap<>();
        try (ScheduledHealthMonitor monitor = HealthMonitors.standard()) {
            monitor.onCheck(report -> {
                if (!report.healthy()) {
                    failedChecks.increment();
                    failureDetails.computeIfAbsent(report.detail(), d -> new LongAdder()).increment();
                }
            });
            monitor.update(spec);
            Thread.sleep(warmupS * 1000L);

            // Warm the readers first, then read counters, clock and CPU back to back: on a busy
            // machine this thread may wait for a core between two reads.
            userSystemTicks();
            threadCpu(threads, "ballast-health");
            long[] stat0 = userSystemTicks();
            long[] sched0 = schedStat("ballast-health");
            long loop0 = threadCpu(threads, "ballast-health");
            long checks0 = monitor.completedChecks();
            long failed0 = failedChecks.sum();
            long wall0 = System.nanoTime();
            long cpu0 = os.getProcessCpuTime();
            Thread.sleep(measureS * 1000L);
            long checks = monitor.completedChecks() - checks0;
            long failed = failedChecks.sum() - failed0;
            long wall = System.nanoTime() - wall0;
            long cpu = os.getProcessCpuTime() - cpu0;
            long[] stat1 = userSystemTicks();
            long[] sched1 = schedStat("ballast-health");
            long loop = threadCpu(threads, "ballast-health") - loop0;

            long down = monitor.verdicts().values().stream().flatMap(m -> m.values().stream())
                    .filter(v -> !v.up()).count();
            System.out.printf("servers              %d (%d refused by design)%n", addresses * ports,
                    countClosed(addresses * ports));
            System.out.printf("measured             %.1f s after %d s warm-up%n", wall / 1e9, warmupS);
            System.out.printf("checks/s             %.0f%n", checks / (wall / 1e9));
            System.out.printf("failed checks/s      %.0f%n", failed / (wall / 1e9));
            System.out.printf("servers down now     %d%n", down);
            System.out.printf("process CPU          %.2f %% of one core%n", 100.0 * cpu / wall);
            System.out.printf("  user / system      %.2f %% / %.2f %% (from /proc/self/stat)%n",
                    100.0 * (stat1[0] - stat0[0]) * 10_000_000L / wall, 100.0 * (stat1[1] - stat0[1]) * 10_000_000L / wall);
            System.out.printf("  health loop thread %.2f %% of one core%n", 100.0 * loop / wall);
            // Time the loop thread was runnable but waited for a core (/proc/.../schedstat):
            // the sign of a machine too busy to give the checker the CPU it asks for.
            System.out.printf("  loop waiting for a core %.1f %% of the time%n", 100.0 * (sched1[1] - sched0[1]) / wall);
            double perCheckUs = cpu / 1000.0 / Math.max(1, checks);
            double wanted = addresses * ports * 1000.0 / intervalMs;
            System.out.printf("CPU per check        %.1f us%n", perCheckUs);
            // When other load on the machine starves this JVM, fewer checks complete than asked for;
            // the cost per check stays, so this is the CPU the full rate needs.
            System.out.printf("CPU at %.0f checks/s %.1f %% of one core (per-check cost x full rate)%n",
                    wanted, perCheckUs * wanted / 1e4);
            failureDetails.forEach((detail, count) -> System.out.printf("  failures since start, %s: %d%n", detail, count.sum()));
            System.out.printf("live threads         %d%n", threads.getThreadCount());
        }
    }

    static String address(int a) {
        return "127.77." + (a / 250) + "." + (a % 250 + 1);
    }

    static long countClosed(int endpoints) {
        long closed = 0;
        for (int i = 0; i < endpoints; i++) {
            if (i % 100 == 99) {
                closed++;
            }
        }
        return closed;
    }

    static long threadCpu(ThreadMXBean threads, String name) {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().equals(name)) {
                return threads.getThreadCpuTime(info.getThreadId());
            }
        }
        return 0;
    }

    /** Run time and run-queue wait (ns) of this JVM's thread with that name, from schedstat. */
    static long[] schedStat(String threadName) throws Exception {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                if (Files.readString(task.resolve("comm")).trim().equals(threadName)) {
                    String[] fields = Files.readString(task.resolve("schedstat")).trim().split(" ");
                    return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1])};
                }
            }
        }
        return new long[] {0, 0};
    }

    /** utime and stime of this process in clock ticks (USER_HZ = 100 on Linux). */
    static long[] userSystemTicks() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    }
}
