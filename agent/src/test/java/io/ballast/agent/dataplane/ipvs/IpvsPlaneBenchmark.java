package io.ballast.agent.dataplane.ipvs;

import io.ballast.agent.testsupport.qemu.QemuVm;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * IPVS plane benchmark, all contenders in one VM boot: full apply of 2,277 services / 37,205 real
 * servers by the plane, by plain {@code ipvsadm-restore} of the same rules (the floor) and by
 * keepalived loading the same table; one weight change at 1,000 and 37,205 servers, plane against a
 * bare {@code ipvsadm -e}. Run by {@code benchmarks/scripts/ipvs-plane.sh}; prints result lines.
 */
public final class IpvsPlaneBenchmark {

    private static final Duration LONG = Duration.ofMinutes(20);
    private static final String COUNT = "ipvsadm -Ln | grep -c '^  -> [0-9]'";
    private static final String NOW = "$(date +%s%N)";
    /** Java 17 on Linux starts children through jspawnhelper (two execs); vfork does one. */
    private static final List<String> VFORK = List.of("-Djdk.lang.Process.launchMechanism=VFORK");

    private IpvsPlaneBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        boolean quick = args.length > 1 && args[1].equals("full-only");
        Path work = Path.of("target", "ipvs-bench").toAbsolutePath();
        Files.createDirectories(work);
        List<VirtualService> big = IpvsBenchData.table(2277, 37205);
        List<VirtualService> small = IpvsBenchData.table(62, 1000);
        Path bigRules = write(work, "big.rules", IpvsBenchData.restoreRules(big));
        Path smallRules = write(work, "small.rules", IpvsBenchData.restoreRules(small));
        Path conf = write(work, "keepalived.conf", IpvsBenchData.keepalivedConf(big));

        try (QemuVm vm = QemuVm.boot(work.resolve("console.log"))) {
            System.out.println("RESULT vm boot " + vm.bootMillis() + " ms");
            benchmark(vm, runs, quick, big, small, bigRules, smallRules, conf);
        }
    }

    /** One measured step: its result, then the CPU QEMU spent on it (robust against a busy host). */
    private interface Step {
        String run() throws Exception;
    }

    private static void report(QemuVm vm, String name, Step step) throws Exception {
        report(vm, name, null, step);
    }

    /** {@code table} (ipvsadm -R rules, or null) is loaded before the step, outside its measurement. */
    private static void report(QemuVm vm, String name, Path table, Step step) throws Exception {
        // Emptying a table of 37,205 servers costs the kernel as much as filling it: never inside a step.
        vm.run("ipvsadm -C; rm -rf /tmp/bench-state" + (table == null ? "" : "; ipvsadm -R < " + table), LONG);
        long cpu = vm.cpuMillis();
        String result = step.run();
        System.out.println("RESULT " + name + ": " + result + " | qemu cpu " + (vm.cpuMillis() - cpu) + " ms");
    }

    private static void benchmark(QemuVm vm, int runs, boolean quick, List<VirtualService> big, List<VirtualService> small,
                                  Path bigRules, Path smallRules, Path conf)
            throws Exception {
        {
            report(vm, "floor ipvsadm-restore 1000", () -> timed(vm, "ipvsadm-restore < " + smallRules) + " ms");
            report(vm, "plane full apply 1000", () -> planeRun(vm, "full", 62, 1000));
            report(vm, "plane baseline 37205 (JVM, table, plan; no apply)", () -> planeRun(vm, "baseline", 2277, 37205));
            for (int run = 1; run <= runs; run++) {
                report(vm, "floor ipvsadm-restore 37205", () -> timed(vm, "ipvsadm-restore < " + bigRules) + " ms");
                System.out.println("RESULT   destinations " + vm.run(COUNT, LONG).strip());
                report(vm, "plane full apply 37205", () -> planeRun(vm, "full", 2277, 37205));
                System.out.println("RESULT   destinations " + vm.run(COUNT, LONG).strip());
            }
            if (quick) {
                return;
            }
            report(vm, "plane weights 37205", bigRules, () -> weights(vm, List.of()));
            report(vm, "plane weights 37205, VFORK launch", bigRules, () -> weights(vm, VFORK));
            report(vm, "bare ipvsadm -e 37205", bigRules, () -> bareWeights(vm, big.get(1234)));

            report(vm, "plane baseline 1000 (JVM, table, plan; no apply)", () -> planeRun(vm, "baseline", 62, 1000));
            report(vm, "plane weights 1000", smallRules, () -> weights(vm, List.of()));
            report(vm, "plane weights 1000, VFORK launch", smallRules, () -> weights(vm, VFORK));
            report(vm, "bare ipvsadm -e 1000", smallRules, () -> bareWeights(vm, small.get(31)));

            for (int run = 1; run <= runs; run++) {
                report(vm, "keepalived full load 37205", () -> keepalived(vm, conf, big.get(big.size() - 1)));
                stopKeepalived(vm);
            }
        }
    }

    private static String weights(QemuVm vm, List<String> jvmOptions) throws Exception {
        return vm.run(QemuVm.javaCommand(jvmOptions, IpvsBenchDriver.class.getName(), "weights", "/tmp/bench-state",
                "30"), LONG).strip();
    }

    private static String planeRun(QemuVm vm, String mode, int services, int servers) throws Exception {
        String java = QemuVm.javaCommand(IpvsBenchDriver.class.getName(), mode, "/tmp/bench-state",
                Integer.toString(services), Integer.toString(servers));
        String out = vm.run("s=" + NOW + "; " + java + "; e=" + NOW
                + "; echo WALL $(( (e - s) / 1000000 ))", LONG);
        String line = out.lines().filter(l -> l.startsWith("FULL") || l.startsWith("BASELINE")).findFirst().orElse(out);
        String wall = out.lines().filter(l -> l.startsWith("WALL")).findFirst().orElse("");
        return line + "; process wall " + wall.replace("WALL ", "") + " ms";
    }

    private static String bareWeights(QemuVm vm, VirtualService service) throws Exception {
        RealServer server = service.realServers().get(0);
        String edit = "ipvsadm -e -t " + service.address() + ":" + service.port() + " -r " + server.address() + ":"
                + server.port() + " -m -w";
        String out = vm.run("s=" + NOW + "; for i in $(seq 30); do " + edit + " $((i % 2 + 1)); done; e=" + NOW
                + "; echo $(( (e - s) / 30000 ))", LONG);
        return "mean " + Long.parseLong(out.strip()) / 1000.0 + " ms per command (30 commands, process start included)";
    }

    /**
     * keepalived in checker-only mode loading the same table; done when the last service holds all its
     * real servers and the table holds them all. Stopping it makes keepalived remove its services, so
     * the run waits for it to exit before anything else is measured.
     */
    private static String keepalived(QemuVm vm, Path conf, VirtualService last) throws Exception {
        String lastService = "-t " + last.address() + ":" + last.port();
        int lastCount = last.realServers().size();
        String out = vm.run("s=" + NOW + "; setsid keepalived -n -l -C -f " + conf
                + " -p /run/bk.pid -c /run/bkc.pid -r /run/bkv.pid >/tmp/keepalived.log 2>&1 & pid=$!; "
                + "i=0; until [ \"$(ipvsadm -Ln " + lastService + " 2>/dev/null | grep -c '^  -> [0-9]')\" = "
                + lastCount + " ] || [ $i -ge 6000 ]; do sleep 0.2; i=$((i+1)); done; "
                + "until [ $(" + COUNT + ") -ge 37205 ] || [ $i -ge 6000 ]; do sleep 1; i=$((i+5)); done; e=" + NOW + "; "
                + "echo $(( (e - s) / 1000000 )) ms, destinations $(" + COUNT + "); echo $pid > /tmp/bk.group", LONG);
        return "until every real server was in " + out.strip().lines().findFirst().orElse("?");
    }

    /** Stops keepalived (which then removes its services) and waits for it, outside any measured step. */
    private static void stopKeepalived(QemuVm vm) throws Exception {
        vm.run("pid=$(cat /tmp/bk.group); kill -TERM -$pid; j=0; while kill -0 $pid 2>/dev/null && [ $j -lt 600 ]; "
                + "do sleep 1; j=$((j+1)); done; kill -KILL -$pid 2>/dev/null; ipvsadm -C; true", LONG);
    }

    private static String timed(QemuVm vm, String command) throws Exception {
        return vm.run("s=" + NOW + "; " + command + "; e=" + NOW + "; echo $(( (e - s) / 1000000 ))",
                LONG).strip();
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
