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
        boolean diagnose = args.length > 1 && args[1].equals("diagnose");
        boolean javaSide = args.length > 1 && args[1].equals("java-side");
        Path work = Path.of("target", "ipvs-bench").toAbsolutePath();
        Files.createDirectories(work);
        List<VirtualService> big = IpvsBenchData.table(2277, 37205);
        List<VirtualService> small = IpvsBenchData.table(62, 1000);
        Path bigRules = write(work, "big.rules", IpvsBenchData.restoreRules(big));
        Path smallRules = write(work, "small.rules", IpvsBenchData.restoreRules(small));
        Path conf = write(work, "keepalived.conf", IpvsBenchData.keepalivedConf(big));

        try (QemuVm vm = QemuVm.boot(work.resolve("console.log"))) {
            System.out.println("RESULT vm boot " + vm.bootMillis() + " ms");
            if (javaSide) {
                javaSide(vm, runs);
            } else if (diagnose) {
                diagnose(vm, runs, bigRules);
            } else {
                benchmark(vm, runs, quick, big, small, bigRules, smallRules, conf);
            }
        }
    }

    /** One measured step: its result, then the CPU QEMU spent on it (robust against a busy host). */
    private interface Step {
        String run() throws Exception;
    }

    private static void report(QemuVm vm, String name, Step step) throws Exception {
        report(vm, name, null, step);
    }

    /** The network namespace of the current step: each step gets a fresh IPVS table (see {@link #report}). */
    private static String namespace;
    private static int steps;

    /**
     * {@code table} (ipvsadm -R rules, or null) is loaded before the step, outside its measurement.
     * Every step runs in a network namespace of its own, made for it: IPVS keeps each deleted
     * destination in a per-namespace trash list for about two minutes, and every destination added
     * meanwhile walks that list (ip_vs_trash_get_dest), so a load right after {@code ipvsadm -C} of
     * 37,205 servers took 3-4x as long as the same load into a fresh table. A fresh namespace is the
     * state a director boots into. The previous step's namespace is deleted first and the guest is
     * let go idle (the kernel frees that table in the background) before anything is measured.
     */
    private static void report(QemuVm vm, String name, Path table, Step step) throws Exception {
        String previous = namespace;
        namespace = "bn" + (++steps);
        vm.run((previous == null ? "" : "ip netns del " + previous + "; ") + WAIT_IDLE + "; rm -rf /tmp/bench-state; "
                + "ip netns add " + namespace + "; ip -n " + namespace + " link set lo up; "
                + "ip -n " + namespace + " link add d0 type dummy; ip -n " + namespace + " link set d0 up; "
                + "ip -n " + namespace + " addr add 198.51.100.254/24 dev d0"
                + (table == null ? "" : "; " + in("ipvsadm -R < " + table)), LONG);
        long cpu = vm.cpuMillis();
        String result = step.run();
        System.out.println("RESULT " + name + ": " + result + " | qemu cpu " + (vm.cpuMillis() - cpu) + " ms");
    }

    /** Waits (up to 3 min) until the guest's CPU was less than 10 % busy over 2 s. */
    private static final String WAIT_IDLE = "for i in $(seq 90); do a=$(awk '/^cpu /{print $2+$3+$4+$7+$8, $5}' "
            + "/proc/stat); sleep 2; b=$(awk '/^cpu /{print $2+$3+$4+$7+$8, $5}' /proc/stat); "
            + "[ $(echo \"$a $b\" | awk '{u=$3-$1; d=$4-$2; print int(u*100/(u+d+1))}') -lt 10 ] && break; done";

    /** {@code command} as a shell command run in the current step's namespace. */
    private static String in(String command) {
        return "ip netns exec " + namespace + " sh -c '" + command.replace("'", "'\\''") + "'";
    }

    private static void benchmark(QemuVm vm, int runs, boolean quick, List<VirtualService> big, List<VirtualService> small,
                                  Path bigRules, Path smallRules, Path conf)
            throws Exception {
        {
            report(vm, "floor ipvsadm-restore 1000", () -> timed(vm, "ipvsadm-restore < " + smallRules) + " ms");
            report(vm, "plane full apply 1000", () -> planeRun(vm, "full", 62, 1000));
            report(vm, "plane baseline 37205 (JVM, table, plan; no apply)", () -> planeRun(vm, "baseline", 2277, 37205));
            // The three contenders take turns going first, so no one always follows the same work.
            List<String> order = List.of("floor", "plane", "keepalived");
            for (int run = 1; run <= runs; run++) {
                for (int i = 0; i < order.size(); i++) {
                    String who = order.get((i + run - 1) % order.size());
                    if (who.equals("floor")) {
                        report(vm, "floor ipvsadm-restore 37205 (run " + run + ")",
                                () -> timed(vm, "ipvsadm-restore < " + bigRules) + " ms");
                        System.out.println("RESULT   destinations " + vm.run(in(COUNT), LONG).strip());
                    } else if (who.equals("plane")) {
                        report(vm, "plane full apply 37205 (run " + run + ")", () -> planeApply(vm, 2277, 37205));
                        System.out.println("RESULT   destinations " + vm.run(in(COUNT), LONG).strip());
                    } else {
                        // keepalived's own line says how many destinations it had loaded.
                        report(vm, "keepalived full load 37205 (run " + run + ")",
                                () -> keepalived(vm, conf, big.get(big.size() - 1)));
                        stopKeepalived(vm);
                    }
                }
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

        }
    }

    /**
     * Where the plane's full apply spends its time: the plane's phase timings (debug log) and the CPU
     * of its ipvsadm child (a wrapper that times it), against the floor's ipvsadm timed the same way.
     */
    private static void diagnose(QemuVm vm, int runs, Path bigRules) throws Exception {
        vm.run("""
                cat > /tmp/ipvsadm-timed <<'EOF'
                #!/bin/bash
                exec 3>&2
                TIMEFORMAT="ipvsadm $* real %R user %U sys %S"
                { time /usr/sbin/ipvsadm "$@" 2>&3 ; } 2>>/tmp/ipvsadm-times
                EOF
                chmod +x /tmp/ipvsadm-timed
                """, LONG);
        String java = QemuVm.javaCommand(List.of("-Dbench.ipvsadm=/tmp/ipvsadm-timed",
                        "-Dorg.slf4j.simpleLogger.log.io.ballast.agent.dataplane.ipvs=debug"),
                IpvsBenchDriver.class.getName(), "full", "/tmp/bench-state", "2277", "37205");
        String plane = "TIMEFORMAT='jvm real %R user %U sys %S'; time " + java + "; cat /tmp/ipvsadm-times; "
                + "rm -f /tmp/ipvsadm-times";
        for (int run = 1; run <= runs; run++) {
            for (int i = 0; i < 2; i++) {
                if ((i + run) % 2 == 1) {
                    report(vm, "floor ipvsadm-restore 37205 (timed, run " + run + ")", () -> timed(vm,
                            "grep -v '^#' < " + bigRules + " | /tmp/ipvsadm-timed -R") + " ms; "
                            + vm.run("cat /tmp/ipvsadm-times; rm -f /tmp/ipvsadm-times", LONG).strip());
                } else {
                    report(vm, "plane full apply 37205 (timed, run " + run + ")", () -> String.join(" || ",
                            vm.run(in("bash -c '" + plane.replace("'", "'\\''") + "'"), LONG).lines()
                                    .filter(l -> !l.isBlank()).toList()));
                }
                System.out.println("RESULT   destinations " + vm.run(in(COUNT), LONG).strip());
            }
        }
    }

    /**
     * The Java side of a full apply alone, in the guest: {@link IpvsApplyHostProbe} applies the table
     * into a stand-in ipvsadm that discards its batch, five times in one JVM, so the first (cold: what
     * the benchmark's plane pays) and the later ones (warm: a running agent's) can be told apart.
     */
    private static void javaSide(QemuVm vm, int runs) throws Exception {
        for (int run = 1; run <= runs; run++) {
            report(vm, "plane java side 37205, 5 applies in one JVM (run " + run + ")", () -> String.join(" || ",
                    vm.run(QemuVm.javaCommand(List.of("-Dorg.slf4j.simpleLogger.log.io.ballast.agent.dataplane.ipvs"
                                    + "=debug"), IpvsApplyHostProbe.class.getName(), "5"), LONG).lines()
                            .filter(l -> l.startsWith("APPLY") && !l.endsWith("begins") || l.contains(" timing: "))
                            .map(l -> l.contains(" - ") ? l.substring(l.lastIndexOf(" - ") + 3).strip() : l)
                            .toList()));
        }
    }

    private static String weights(QemuVm vm, List<String> jvmOptions) throws Exception {
        return vm.run(in(QemuVm.javaCommand(jvmOptions, IpvsBenchDriver.class.getName(), "weights", "/tmp/bench-state",
                "30")), LONG).strip();
    }

    /**
     * The plane's full apply with QEMU's CPU taken around {@code apply()} alone: the driver waits on a
     * FIFO before the apply and writes another after it, so the JVM's start and warm-up stay outside.
     * The window also holds one command-server round trip, as the floor's measurement does.
     */
    private static String planeApply(QemuVm vm, int services, int servers) throws Exception {
        String dir = "/tmp/bench-hs";
        vm.run("rm -rf " + dir + "; mkdir " + dir + "; mkfifo " + dir + "/ready " + dir + "/go " + dir + "/done", LONG);
        String java = QemuVm.javaCommand(List.of("-Dorg.slf4j.simpleLogger.log.io.ballast.agent.dataplane.ipvs=debug",
                        "-Dbench.handshake=" + dir), IpvsBenchDriver.class.getName(), "full", "/tmp/bench-state",
                Integer.toString(services), Integer.toString(servers));
        vm.run(in("(" + java + "; echo $? > " + dir + "/exit) > " + dir + "/out 2>&1 &"), LONG);
        vm.run("cat " + dir + "/ready", LONG);
        long cpu = vm.cpuMillis();
        long wall = System.nanoTime();
        vm.run("echo go > " + dir + "/go; cat " + dir + "/done", LONG);
        long applyCpu = vm.cpuMillis() - cpu;
        long applyWall = (System.nanoTime() - wall) / 1_000_000;
        String out = vm.run("while [ ! -s " + dir + "/exit ]; do sleep 1; done; cat " + dir + "/out; echo EXIT $(cat "
                + dir + "/exit)", LONG);
        String line = out.lines().filter(l -> l.startsWith("FULL")).findFirst().orElse(out);
        String timings = String.join("; ", out.lines().filter(l -> l.contains(" timing: "))
                .map(l -> l.substring(l.lastIndexOf(" - ") + 3).strip()).toList());
        return line + " [" + timings + "]; apply window: qemu cpu " + applyCpu + " ms, wall " + applyWall + " ms";
    }

    /** One plane run in its own JVM; with the plane's debug timings of the apply (translate, ipvsadm -R, record). */
    private static String planeRun(QemuVm vm, String mode, int services, int servers) throws Exception {
        String java = QemuVm.javaCommand(List.of("-Dorg.slf4j.simpleLogger.log.io.ballast.agent.dataplane.ipvs=debug"),
                IpvsBenchDriver.class.getName(), mode, "/tmp/bench-state", Integer.toString(services),
                Integer.toString(servers));
        String out = vm.run(in("s=" + NOW + "; " + java + "; e=" + NOW
                + "; echo WALL $(( (e - s) / 1000000 ))"), LONG);
        String line = out.lines().filter(l -> l.startsWith("FULL") || l.startsWith("BASELINE")).findFirst().orElse(out);
        String wall = out.lines().filter(l -> l.startsWith("WALL")).findFirst().orElse("");
        String timings = String.join("; ", out.lines().filter(l -> l.contains(" timing: "))
                .map(l -> l.substring(l.lastIndexOf(" - ") + 3).strip()).toList());
        return line + "; process wall " + wall.replace("WALL ", "") + " ms" + (timings.isEmpty() ? "" : " [" + timings + "]");
    }

    private static String bareWeights(QemuVm vm, VirtualService service) throws Exception {
        RealServer server = service.realServers().get(0);
        String edit = "ipvsadm -e -t " + service.address() + ":" + service.port() + " -r " + server.address() + ":"
                + server.port() + " -m -w";
        String out = vm.run(in("s=" + NOW + "; for i in $(seq 30); do " + edit + " $((i % 2 + 1)); done; e=" + NOW
                + "; echo $(( (e - s) / 30000 ))"), LONG);
        return "mean " + Long.parseLong(out.strip()) / 1000.0 + " ms per command (30 commands, process start included)";
    }

    /**
     * keepalived in checker-only mode loading the same table; done when the last service holds all its
     * real servers and the table holds them all.
     */
    private static String keepalived(QemuVm vm, Path conf, VirtualService last) throws Exception {
        String lastService = "-t " + last.address() + ":" + last.port();
        int lastCount = last.realServers().size();
        String out = vm.run(in("s=" + NOW + "; setsid keepalived -n -l -C -f " + conf
                + " -p /run/bk.pid -c /run/bkc.pid -r /run/bkv.pid >/tmp/keepalived.log 2>&1 & pid=$!; "
                + "i=0; until [ \"$(ipvsadm -Ln " + lastService + " 2>/dev/null | grep -c '^  -> [0-9]')\" = "
                + lastCount + " ] || [ $i -ge 6000 ]; do sleep 0.2; i=$((i+1)); done; "
                + "until [ $(" + COUNT + ") -ge 37205 ] || [ $i -ge 6000 ]; do sleep 1; i=$((i+5)); done; e=" + NOW + "; "
                + "echo $(( (e - s) / 1000000 )) ms, destinations $(" + COUNT + "); echo $pid > /tmp/bk.group"), LONG);
        return "until every real server was in " + out.strip().lines().findFirst().orElse("?");
    }

    /**
     * Stops keepalived outside any measured step. SIGKILL, so that it does not remove its 37,205
     * destinations one by one first: the step's namespace, and its table, are dropped next anyway.
     */
    private static void stopKeepalived(QemuVm vm) throws Exception {
        vm.run("pid=$(cat /tmp/bk.group); kill -KILL -$pid; j=0; while kill -0 $pid 2>/dev/null && [ $j -lt 60 ]; "
                + "do sleep 1; j=$((j+1)); done; true", LONG);
    }

    private static String timed(QemuVm vm, String command) throws Exception {
        return vm.run(in("s=" + NOW + "; " + command + "; e=" + NOW + "; echo $(( (e - s) / 1000000 ))"),
                LONG).strip();
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
