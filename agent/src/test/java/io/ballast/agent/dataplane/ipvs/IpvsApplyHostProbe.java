package io.ballast.agent.dataplane.ipvs;

import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import io.ballast.model.plan.Plan;
import io.ballast.model.plan.Planner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Java side of a full apply on the host, without a kernel: the plane's {@code apply()} of the
 * benchmark table against a stand-in ipvsadm that reads its batch and throws it away. What remains
 * is what the guest pays besides the batch itself (translate, render, record, one process start).
 * The first apply is the cold one (the benchmark's); later ones, each into a fresh plane, are warm.
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp ... IpvsApplyHostProbe [APPLIES] [SERVICES SERVERS]
 * benchmarks/scripts/ipvs-plane.sh 2 java-side     # the same in the TCG guest
 * </pre>
 */
public final class IpvsApplyHostProbe {

    private IpvsApplyHostProbe() {
    }

    public static void main(String[] args) throws Exception {
        int applies = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int services = args.length > 2 ? Integer.parseInt(args[1]) : 2277;
        int servers = args.length > 2 ? Integer.parseInt(args[2]) : 37205;
        Path dir = Files.createTempDirectory("ipvs-probe");
        StandInIpvsadm ipvsadm = new StandInIpvsadm(dir, EnumSet.allOf(Scheduler.class), true);
        List<VirtualService> target = IpvsBenchData.table(services, servers);
        // As the guest's driver does: a running agent has Jackson warm (API, state store).
        io.ballast.model.json.SpecCodec.mapper().writeValueAsString(target.subList(0, 1));
        // The JVM's CPU (every thread: main, C1 compiler, GC), the figure a one-CPU guest pays in full.
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int i = 1; i <= applies; i++) {
            Path state = Files.createDirectories(dir.resolve("state" + i));
            IpvsDataPlane plane = ipvsadm.plane(state);
            List<VirtualService> table = plane.readTable();
            Plan plan = Planner.between(table, target);
            System.out.println("APPLY " + i + " begins");
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            plane.apply(plan);
            long t1 = System.nanoTime();
            long c1 = os.getProcessCpuTime();
            System.out.printf("APPLY %d %s: wall %.1f ms, JVM cpu %.1f ms (%d steps)%n", i, i == 1 ? "cold" : "warm",
                    (t1 - t0) / 1e6, (c1 - c0) / 1e6, plan.size());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
