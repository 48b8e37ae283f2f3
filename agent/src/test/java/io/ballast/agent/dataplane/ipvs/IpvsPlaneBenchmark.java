package io.ballast.agent.dataplane.ipvs;

import io.ballast.agent.testsupport.qemu.QemuVm;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import io.ballast.model.json.SpecCodec;
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
        Path work = Path.of("target", "ipvs-bench").toAbsolutePath();
        Files.createDirectories(work);
        List<VirtualService> big = IpvsBenchData.table(2277, 37205);
        List<VirtualService> small = IpvsBenchData.table(62, 1000);
        Path bigJson = write(work, "big.json", SpecCodec.mapper().writeValueAsString(big));
        Path smallJson = write(work, "small.json", SpecCodec.mapper().writeValueAsString(small));
        Path bigRules = write(work, "big.rules", IpvsBenchData.restoreRules(big));
        Path smallRules = write(work, "small.rules", IpvsBenchData.restoreRules(small));
        Path conf = write(work, "keepalived.conf", IpvsBenchData.keepalivedConf(big));

        try (QemuVm vm = QemuVm.boot(work.resolve("console.log"))) {
            System.out.println("RESULT vm boot " + vm.bootMillis() + " ms");
            for (int run = 1; run <= runs; run++) {
                System.out.println("RESULT floor ipvsadm-restore 37205: " + timed(vm, "ipvsadm-restore < " + bigRules)
                        + " ms, destinations " + vm.run(COUNT, LONG).strip());
                System.out.println("RESULT plane full apply 37205: " + planeFull(vm, bigJson) + "; destinations "
                        + vm.run(COUNT, LONG).strip());
            }
            System.out.println("RESULT plane weights 37205: " + weights(vm, bigJson, List.of()));
            System.out.println("RESULT plane weights 37205, VFORK launch: " + weights(vm, bigJson, VFORK));
            System.out.println("RESULT bare ipvsadm -e 37205: " + bareWeights(vm, big.get(1234)));

            System.out.println("RESULT floor ipvsadm-restore 1000: " + timed(vm, "ipvsadm-restore < " + smallRules) + " ms");
            System.out.println("RESULT plane full apply 1000: " + planeFull(vm, smallJson));
            System.out.println("RESULT plane weights 1000: " + weights(vm, smallJson, List.of()));
            System.out.println("RESULT plane weights 1000, VFORK launch: " + weights(vm, smallJson, VFORK));
            System.out.println("RESULT bare ipvsadm -e 1000: " + bareWeights(vm, small.get(31)));

            for (int run = 1; run <= runs; run++) {
                System.out.println("RESULT keepalived full load 37205: " + keepalived(vm, conf, big.get(big.size() - 1)));
            }
        }
    }

    private static String weights(QemuVm vm, Path json, List<String> jvmOptions) throws Exception {
        return vm.run(QemuVm.javaCommand(jvmOptions, IpvsBenchDriver.class.getName(), "weights", "/tmp/bench-state",
                json.toString(), "30"), LONG).strip();
    }

    private static String planeFull(QemuVm vm, Path json) throws Exception {
        String java = QemuVm.javaCommand(IpvsBenchDriver.class.getName(), "full", "/tmp/bench-state", json.toString());
        String out = vm.run("ipvsadm -C; rm -rf /tmp/bench-state; s=" + NOW + "; " + java + "; e=" + NOW
                + "; echo WALL $(( (e - s) / 1000000 ))", LONG);
        String full = out.lines().filter(l -> l.startsWith("FULL")).findFirst().orElse(out);
        String wall = out.lines().filter(l -> l.startsWith("WALL")).findFirst().orElse("");
        return full + "; process wall (JVM start, JSON load, apply) " + wall.replace("WALL ", "") + " ms";
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
        String out = vm.run("ipvsadm -C; s=" + NOW + "; setsid keepalived -n -l -C -f " + conf
                + " -p /run/bk.pid -c /run/bkc.pid -r /run/bkv.pid >/tmp/keepalived.log 2>&1 & pid=$!; "
                + "i=0; until [ \"$(ipvsadm -Ln " + lastService + " 2>/dev/null | grep -c '^  -> [0-9]')\" = "
                + lastCount + " ] || [ $i -ge 6000 ]; do sleep 0.2; i=$((i+1)); done; "
                + "until [ $(" + COUNT + ") -ge 37205 ] || [ $i -ge 6000 ]; do sleep 1; i=$((i+5)); done; e=" + NOW + "; "
                + "echo $(( (e - s) / 1000000 )) ms, destinations $(" + COUNT + "); kill -TERM -$pid; "
                + "j=0; while kill -0 $pid 2>/dev/null && [ $j -lt 600 ]; do sleep 1; j=$((j+1)); done; "
                + "kill -KILL -$pid 2>/dev/null; ipvsadm -C; true", LONG);
        return "until every real server was in " + out.strip().lines().findFirst().orElse("?");
    }

    private static String timed(QemuVm vm, String command) throws Exception {
        return vm.run("ipvsadm -C; s=" + NOW + "; " + command + "; e=" + NOW + "; echo $(( (e - s) / 1000000 ))",
                LONG).strip();
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
