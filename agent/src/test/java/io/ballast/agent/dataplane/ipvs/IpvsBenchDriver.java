package io.ballast.agent.dataplane.ipvs;

import io.ballast.agent.dataplane.DataPlane;
import io.ballast.agent.dataplane.PlaneOptions;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import io.ballast.model.plan.EditRealServer;
import io.ballast.model.plan.Plan;
import io.ballast.model.plan.Planner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's guest side (see IpvsPlaneBenchmark): times the plane's own work inside one JVM.
 *
 * <pre>
 * full STATE SERVICES SERVERS       make the benchmark table, read the (empty) kernel table, plan, apply
 * baseline STATE SERVICES SERVERS   the same without the apply: what the JVM and the table cost alone
 * weights STATE N                   with a table in the kernel: N single weight changes
 * </pre>
 */
public final class IpvsBenchDriver {

    private IpvsBenchDriver() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        // The table is made here rather than read from JSON: parsing 37,205 servers with a C1-only JVM
        // under TCG costs more than the apply, and an agent has its spec in memory anyway.
        List<VirtualService> target = args[0].equals("weights") ? List.of()
                : IpvsBenchData.table(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        long t1 = System.nanoTime();
        try (DataPlane plane = new IpvsDataPlaneProvider().open(new PlaneOptions("bench", Path.of(args[1]),
                Map.of("ipvsadm", System.getProperty("bench.ipvsadm", "ipvsadm"))))) {
            long t2 = System.nanoTime();
            List<VirtualService> table = plane.readTable();
            long t3 = System.nanoTime();
            if (args[0].equals("baseline")) {
                Plan plan = Planner.between(table, target);
                System.out.printf("BASELINE make=%d open=%d read=%d plan=%d ms (%d steps, not applied)%n",
                        ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(System.nanoTime() - t3), plan.size());
                return;
            }
            if (args[0].equals("full")) {
                // A running agent has Jackson warm (API, state store); its first use under TCG costs seconds.
                long w0 = System.nanoTime();
                io.ballast.model.json.SpecCodec.mapper().writeValueAsString(target.subList(0, 1));
                System.out.printf("WARMUP jackson=%d ms%n", ms(System.nanoTime() - w0));
                t3 = System.nanoTime();
                Plan plan = Planner.between(table, target);
                String handshake = System.getProperty("bench.handshake");
                if (handshake != null) {
                    // FIFOs made by the host side: it takes QEMU's CPU reading between "go" and "done",
                    // so that the apply's own cost is measured without the JVM's start.
                    Files.writeString(Path.of(handshake, "ready"), "READY\n");
                    Files.readString(Path.of(handshake, "go"));
                }
                long t4 = System.nanoTime();
                plane.apply(plan);
                long t5 = System.nanoTime();
                if (handshake != null) {
                    Files.writeString(Path.of(handshake, "done"), "DONE\n");
                }
                System.out.printf("FULL make=%d open=%d read=%d plan=%d apply=%d read+plan+apply=%d ms%n",
                        ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t5 - t4), ms(t5 - t2));
            } else {
                int rounds = Integer.parseInt(args[2]);
                List<Long> applyMicros = new ArrayList<>();
                List<Long> planMicros = new ArrayList<>();
                List<VirtualService> current = new ArrayList<>(table);
                for (int i = 0; i < rounds; i++) {
                    int index = (i * 7919) % current.size();
                    VirtualService service = current.get(index);
                    RealServer before = service.realServers().get(0);
                    RealServer after = before.withWeight(before.weight() == 1 ? 2 : 1);
                    List<RealServer> servers = new ArrayList<>(service.realServers());
                    servers.set(0, after);
                    List<VirtualService> wanted = new ArrayList<>(current);
                    wanted.set(index, service.withRealServers(servers));
                    long p0 = System.nanoTime();
                    Plan plan = Planner.between(current, wanted); // what the reconciler does on a weight change
                    long p1 = System.nanoTime();
                    plane.apply(plan);
                    long p2 = System.nanoTime();
                    if (plan.size() != 1 || !(plan.operations().get(0) instanceof EditRealServer)) {
                        throw new IllegalStateException("a weight change planned as " + plan.summaries());
                    }
                    planMicros.add((p1 - p0) / 1000);
                    applyMicros.add((p2 - p1) / 1000);
                    current = wanted;
                }
                System.out.printf("WEIGHTS servers=%d rounds=%d apply median=%.1f ms p90=%.1f ms; "
                                + "full-table plan median=%.1f ms%n", servers(current), rounds,
                        median(applyMicros) / 1000.0, p90(applyMicros) / 1000.0, median(planMicros) / 1000.0);
            }
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static int servers(List<VirtualService> table) {
        return table.stream().mapToInt(s -> s.realServers().size()).sum();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long p90(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.9) - 1));
    }
}
