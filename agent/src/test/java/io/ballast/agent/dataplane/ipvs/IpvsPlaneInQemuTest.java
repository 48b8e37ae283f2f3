package io.ballast.agent.dataplane.ipvs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.ballast.agent.testsupport.RealEngines;
import io.ballast.agent.testsupport.qemu.QemuVm;
import io.ballast.model.AdminState;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import io.ballast.model.json.SpecCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import io.ballast.model.ServiceKey;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ipvs plane against a real kernel: a Debian kernel booted once under QEMU, the plane run inside
 * it with the host's JDK and this test classpath (the host root is the guest's root, read-only).
 */
class IpvsPlaneInQemuTest {

    private static final Duration JAVA_TIMEOUT = Duration.ofMinutes(8);
    private static QemuVm vm;
    private static Path work;
    private static Set<Scheduler> schedulers;
    private String stateDir;

    @BeforeAll
    static void bootVm() throws Exception {
        RealEngines.require("IPVS in QEMU", false, "qemu-system-x86_64");
        RealEngines.requireFiles("IPVS in QEMU", QemuVm.kernel(), QemuVm.modules());
        // The guest sees the host root but has its own /tmp, so files it reads live under target/.
        work = Path.of("target", "ipvs-vm").toAbsolutePath();
        Files.createDirectories(work);
        vm = QemuVm.boot(work.resolve("console.log"));
        System.out.println("IPVS VM booted in " + vm.bootMillis() + " ms");
        String modules = vm.run("ls /lib/modules/$(uname -r)/kernel/net/netfilter/ipvs/", Duration.ofSeconds(30));
        schedulers = EnumSet.noneOf(Scheduler.class);
        for (Scheduler scheduler : Scheduler.values()) {
            if (modules.contains("ip_vs_" + scheduler.wireName() + ".ko")) {
                schedulers.add(scheduler);
            }
        }
    }

    @AfterAll
    static void stopVm() {
        if (vm != null) {
            vm.close();
        }
    }

    @BeforeEach
    void emptyTable() throws IOException {
        vm.run("ipvsadm -C", Duration.ofSeconds(30));
        stateDir = "/tmp/state-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void kernelTableEqualsTheSpecForEverySchedulerAndForwardingMethod() throws IOException {
        List<VirtualService> target = IpvsTables.everyFeature(schedulers);

        String output = apply(target);

        assertThat(output).contains("APPLIED");
        assertThat(kernelTable()).isEqualTo(IpvsTables.kernelView(target));
        assertThat(IpvsTables.sorted(readTable())).isEqualTo(IpvsTables.sorted(target));
    }

    @Test
    void weightChangeRemovalAndDrainChangeOnlyRealServersInPlace() throws IOException {
        List<VirtualService> first = IpvsTables.everyFeature(schedulers);
        apply(first);
        List<VirtualService> second = new ArrayList<>(first);
        second.set(0, withServer(second.get(0), 1, s -> s.withWeight(7)));
        second.set(1, second.get(1).withRealServers(second.get(1).realServers().subList(0, 2)));
        second.set(2, withServer(second.get(2), 0, s -> s.withWeight(0).withState(AdminState.DRAIN)));

        String output = apply(second);

        assertThat(output).contains("PLAN 3").doesNotContain("add service").doesNotContain("remove service")
                .doesNotContain("— scheduler");
        assertThat(kernelTable()).isEqualTo(IpvsTables.kernelView(second));
        assertThat(IpvsTables.sorted(readTable())).isEqualTo(IpvsTables.sorted(second));
    }

    @Test
    void serviceSettingsAndThresholdsChangeInPlace() throws IOException {
        VirtualService before = new VirtualService(null, io.ballast.model.Protocol.TCP, "203.0.113.60", 80, null, null,
                Scheduler.WRR, Set.of(), new io.ballast.model.Persistence(300, "255.255.255.0"), ForwardingMethod.NAT,
                null, null, List.of(new RealServer("a", "198.51.100.61", 8080, 2, null, 100, 10, null, null)));
        apply(List.of(before));
        VirtualService after = new VirtualService(null, before.protocol(), before.address(), before.port(), null, null,
                Scheduler.SH, Set.of(io.ballast.model.SchedulerFlag.SH_PORT), null, ForwardingMethod.NAT, null, null,
                List.of(new RealServer("a", "198.51.100.61", 8080, 2, null, 0, 0, null, null)));

        String output = apply(List.of(after));

        assertThat(output).contains("PLAN 2").doesNotContain("add service").doesNotContain("remove service");
        assertThat(kernelTable()).isEqualTo(IpvsTables.kernelView(List.of(after)));
    }

    @Test
    void sorryServerLeavesTheKernelWhenARealServerComesBack() throws IOException {
        List<VirtualService> table = IpvsTables.everyFeature(schedulers);
        VirtualService sorry = table.get(table.size() - 1);
        apply(List.of(sorry));
        assertThat(vm.run("ipvsadm -Ln", Duration.ofSeconds(30))).contains("198.51.100.200:8080");

        VirtualService back = withServer(sorry, 0, s -> s.withWeight(4));
        apply(List.of(back));

        assertThat(vm.run("ipvsadm -Ln", Duration.ofSeconds(30))).doesNotContain("198.51.100.200:8080")
                .contains("198.51.100.131:8080");
        assertThat(IpvsTables.sorted(readTable())).isEqualTo(IpvsTables.sorted(List.of(back)));
    }

    @Test
    void schedulerTheKernelLacksIsRefusedNamingPlaneAndKernel() throws IOException {
        Scheduler missing = EnumSet.complementOf(EnumSet.copyOf(schedulers)).stream().findFirst()
                .orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(missing != null, "this kernel has every IPVS scheduler");
        VirtualService service = IpvsTables.tcp("203.0.113.20", 80, missing, ForwardingMethod.NAT,
                List.of(IpvsTables.server("a", "198.51.100.1", 80, 1)));

        QemuVm.Exec result = vm.exec(QemuVm.javaCommand(IpvsPlaneDriver.class.getName(), "apply", stateDir,
                writeTarget(List.of(service)).toString()), JAVA_TIMEOUT);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).contains("the ipvs plane cannot run tcp/203.0.113.20:80")
                .contains("kernel 6.").contains("ip_vs_" + missing.wireName()).contains("nothing was changed");
        assertThat(vm.run("ipvsadm -Ln", Duration.ofSeconds(30))).doesNotContain("203.0.113.20");
    }

    @Test
    void killedHalfwayThroughTenThousandServersTheNextStartConverges() throws IOException {
        List<VirtualService> target = new ArrayList<>();
        for (int s = 0; s < 100; s++) {
            List<RealServer> servers = new ArrayList<>();
            for (int r = 0; r < 100; r++) {
                servers.add(IpvsTables.server(null, "198.51." + (100 + s / 50) + "." + (1 + r), 10000 + s, 1 + r % 5));
            }
            target.add(IpvsTables.tcp("203.0.113." + (1 + s % 200), 10000 + s, Scheduler.WRR, ForwardingMethod.NAT,
                    servers));
        }
        Path file = writeTarget(target);
        String java = QemuVm.javaCommand(IpvsPlaneDriver.class.getName(), "apply", stateDir, file.toString());
        // The whole process group (java and its ipvsadm -R child) dies at once, as when the agent is killed
        // mid-batch; the guest's /proc/net/ip_vs is read line by line, so polling its head is cheap.
        String killed = vm.run("setsid sh -c \"exec " + java.replace("\"", "\\\"") + "\" > /tmp/kill.log 2>&1 & pid=$!; "
                + "i=0; until [ $(head -n 60 /proc/net/ip_vs | grep -c '^  -> [0-9A-F]') -ge 20 ] || [ $i -ge 4000 ]; "
                + "do sleep 0.05; i=$((i+1)); done; kill -KILL -$pid; sleep 1; "
                + "echo alive=$(pgrep -g $pid | wc -l); echo applied=$(grep -c APPLIED /tmp/kill.log); "
                + "echo destinations=$(ipvsadm -Ln | grep -c '^  -> [0-9]')", JAVA_TIMEOUT);
        System.out.println("kill -9 during a 10,000-server apply: " + killed.strip().replace('\n', ' '));
        assertThat(killed).contains("alive=0").contains("applied=0");
        int destinationsAtKill = Integer.parseInt(killed.substring(killed.indexOf("destinations=") + 13).strip());
        assertThat(destinationsAtKill).isBetween(20, 9_999);

        String output = apply(target);

        assertThat(output).contains("APPLIED");
        assertThat(kernelTable()).isEqualTo(IpvsTables.kernelView(target));
    }

    @Test
    void openingSetsDrainSysctlsAndTheSyncDaemonFollowsTheRole() throws IOException {
        try {
            String output = vm.run(QemuVm.javaCommand(IpvsPlaneDriver.class.getName(), "sync", stateDir), JAVA_TIMEOUT);

            String active = output.lines().filter(l -> l.startsWith("ACTIVE")).findFirst().orElseThrow();
            String standby = output.lines().filter(l -> l.startsWith("STANDBY")).findFirst().orElseThrow();
            assertThat(active).contains("master sync daemon (mcast=eth0, syncid=9").doesNotContain("backup");
            assertThat(standby).contains("backup sync daemon (mcast=eth0, syncid=9").doesNotContain("master");
            assertThat(vm.run("sysctl -n net.ipv4.vs.expire_nodest_conn net.ipv4.vs.expire_quiescent_template "
                    + "net.ipv4.vs.conn_reuse_mode", Duration.ofSeconds(30)).strip().lines()).containsExactly("1", "1", "1");
        } finally {
            vm.exec("ipvsadm --stop-daemon master; ipvsadm --stop-daemon backup", Duration.ofSeconds(30));
        }
    }

    @Test
    void failedSingleStepIsUndoneWithTheInverseOfTheStepsBeforeIt() throws IOException {
        VirtualService web = IpvsTables.tcp("203.0.113.30", 80, Scheduler.WRR, ForwardingMethod.NAT,
                List.of(IpvsTables.server("a", "198.51.100.31", 80, 1)));
        apply(List.of(web));
        Map<ServiceKey, VirtualService> before = kernelTable();
        VirtualService extra = IpvsTables.tcp("203.0.113.31", 80, Scheduler.RR, ForwardingMethod.NAT,
                List.of(IpvsTables.server("x", "198.51.100.41", 80, 1)));
        // IPVS refuses an IPv6 destination behind an IPv4 service unless it tunnels: the second step fails.
        VirtualService mixed = web.withRealServers(List.of(web.realServers().get(0),
                IpvsTables.server("v6", "2001:db8::31", 80, 1)));

        QemuVm.Exec result = vm.exec(QemuVm.javaCommand(IpvsPlaneDriver.class.getName(), "apply", stateDir,
                writeTarget(List.of(extra, mixed)).toString()), JAVA_TIMEOUT);

        assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
        assertThat(result.output()).contains("step 2 of 2").contains("add real server v6")
                .contains("the steps before it (1) were undone");
        assertThat(kernelTable()).isEqualTo(before);
    }

    @Test
    void failedBatchIsUndoneFromWhatTheKernelHolds() throws IOException {
        VirtualService web = IpvsTables.tcp("203.0.113.30", 80, Scheduler.WRR, ForwardingMethod.NAT,
                List.of(IpvsTables.server("a", "198.51.100.31", 80, 1)));
        apply(List.of(web));
        Map<ServiceKey, VirtualService> before = kernelTable();
        List<VirtualService> target = new ArrayList<>(List.of(web.withRealServers(
                List.of(web.realServers().get(0).withWeight(5)))));
        for (int i = 0; i < 20; i++) {
            target.add(IpvsTables.tcp("203.0.113.40", 1000 + i, Scheduler.RR, ForwardingMethod.NAT,
                    List.of(IpvsTables.server(null, "198.51.100.50", 1000 + i, 1))));
        }
        target.add(IpvsTables.tcp("203.0.113.41", 80, Scheduler.RR, ForwardingMethod.NAT,
                List.of(IpvsTables.server(null, "2001:db8::41", 80, 1))));

        QemuVm.Exec result = vm.exec(QemuVm.javaCommand(IpvsPlaneDriver.class.getName(), "apply", stateDir,
                writeTarget(target).toString()), JAVA_TIMEOUT);

        assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
        assertThat(result.output()).contains("the batch of 22 steps").contains("the table is as it was");
        assertThat(kernelTable()).isEqualTo(before);
    }

    @Test
    void natTrafficIsSplitByWeightedRoundRobin() throws IOException {
        String p = "bl" + UUID.randomUUID().toString().substring(0, 4);
        Path reply1 = script("reply-b1.sh", "#!/bin/sh\necho b1\n");
        Path reply2 = script("reply-b2.sh", "#!/bin/sh\necho b2\n");
        String setup = String.join("; ",
                "set -e", "sysctl -qw net.ipv4.ip_forward=1",
                "ip netns add " + p + "c", "ip netns add " + p + "b1", "ip netns add " + p + "b2",
                "ip link add " + p + "c type veth peer name eth0 netns " + p + "c",
                "ip link add " + p + "b1 type veth peer name eth0 netns " + p + "b1",
                "ip link add " + p + "b2 type veth peer name eth0 netns " + p + "b2",
                "ip addr add 203.0.113.1/28 dev " + p + "c", "ip link set " + p + "c up",
                "ip addr add 198.51.100.1/30 dev " + p + "b1", "ip link set " + p + "b1 up",
                "ip addr add 198.51.100.5/30 dev " + p + "b2", "ip link set " + p + "b2 up",
                "ip addr add 203.0.113.100/32 dev lo",
                "ip -n " + p + "c addr add 203.0.113.2/28 dev eth0", "ip -n " + p + "c link set eth0 up",
                "ip -n " + p + "c link set lo up", "ip -n " + p + "c route add default via 203.0.113.1",
                "ip -n " + p + "b1 addr add 198.51.100.2/30 dev eth0", "ip -n " + p + "b1 link set eth0 up",
                "ip -n " + p + "b1 route add default via 198.51.100.1",
                "ip -n " + p + "b2 addr add 198.51.100.6/30 dev eth0", "ip -n " + p + "b2 link set eth0 up",
                "ip -n " + p + "b2 route add default via 198.51.100.5",
                "(ip netns exec " + p + "b1 busybox nc -ll -p 8080 -e " + reply1 + " >/dev/null 2>&1 &)",
                "(ip netns exec " + p + "b2 busybox nc -ll -p 8080 -e " + reply2 + " >/dev/null 2>&1 &)");
        String cleanup = "ip netns pids " + p + "b1 | xargs -r kill; ip netns pids " + p + "b2 | xargs -r kill; "
                + "ip netns del " + p + "c; ip netns del " + p + "b1; ip netns del " + p + "b2; "
                + "ip addr del 203.0.113.100/32 dev lo";
        try {
            vm.run(setup, Duration.ofMinutes(2));
            apply(List.of(IpvsTables.tcp("203.0.113.100", 80, Scheduler.WRR, ForwardingMethod.NAT, List.of(
                    IpvsTables.server("b1", "198.51.100.2", 8080, 3), IpvsTables.server("b2", "198.51.100.6", 8080, 1)))));

            String counts = vm.run("sleep 1; for i in $(seq 200); do ip netns exec " + p + "c busybox nc -w 3 "
                    + "203.0.113.100 80 </dev/null; done | sort | uniq -c", Duration.ofMinutes(5));

            int b1 = count(counts, "b1");
            int b2 = count(counts, "b2");
            System.out.println("wrr 3:1 over 200 NAT connections: b1=" + b1 + " b2=" + b2);
            assertThat(b1 + b2).isEqualTo(200);
            assertThat(b1).isBetween(140, 160);
            String counters = vm.run(QemuVm.javaCommand(IpvsPlaneDriver.class.getName(), "counters", stateDir),
                    JAVA_TIMEOUT);
            assertThat(counters).contains("COUNTER tcp/203.0.113.100:80 null connections=200 ")
                    .contains("COUNTER tcp/203.0.113.100:80 198.51.100.2:8080 connections=" + b1 + " ")
                    .contains("COUNTER tcp/203.0.113.100:80 198.51.100.6:8080 connections=" + b2 + " ");
            for (String sample : List.of("tcp/203.0.113.100:80 null", "tcp/203.0.113.100:80 198.51.100.2:8080",
                    "tcp/203.0.113.100:80 198.51.100.6:8080")) {
                // Each connection is a SYN, the client's ACK and FIN at least, and the server's reply both ways.
                long connections = field(counters, "COUNTER " + sample, "connections");
                assertThat(field(counters, "COUNTER " + sample, "packetsIn")).as(sample).isGreaterThanOrEqualTo(3 * connections);
                assertThat(field(counters, "COUNTER " + sample, "packetsOut")).as(sample).isGreaterThanOrEqualTo(2 * connections);
                assertThat(field(counters, "COUNTER " + sample, "bytesIn")).as(sample).isGreaterThanOrEqualTo(120 * connections);
                assertThat(field(counters, "COUNTER " + sample, "bytesOut")).as(sample).isGreaterThanOrEqualTo(100 * connections);
            }
            assertThat(field(counters, "TOTAL", "connections")).as("the kernel's totals count every service")
                    .isGreaterThanOrEqualTo(200);
            assertThat(field(counters, "TOTAL", "bytesIn"))
                    .isGreaterThanOrEqualTo(field(counters, "COUNTER tcp/203.0.113.100:80 null", "bytesIn"));

            // Rates are the kernel's 2-second estimates: sampled while connections keep coming, they are not zero.
            String during = vm.run("(for i in $(seq 400); do ip netns exec " + p + "c busybox nc -w 3 203.0.113.100 80 "
                    + "</dev/null; done) >/dev/null 2>&1 & loop=$!; sleep 4; "
                    + QemuVm.javaCommand(IpvsPlaneDriver.class.getName(), "counters", stateDir) + "; kill $loop; wait",
                    JAVA_TIMEOUT);
            System.out.println("counters with traffic flowing: " + during.strip().replace('\n', ' '));
            assertThat(field(during, "COUNTER tcp/203.0.113.100:80 null", "ppsIn")).isPositive();
            assertThat(field(during, "COUNTER tcp/203.0.113.100:80 null", "bpsIn")).isPositive();
            assertThat(field(during, "TOTAL", "ppsIn")).isPositive();
            assertThat(field(during, "COUNTER tcp/203.0.113.100:80 null", "connections")).isGreaterThan(200);
        } finally {
            vm.exec(cleanup, Duration.ofMinutes(1));
        }
    }

    /**
     * Differential test of the userspace plane's rr and wrr against the kernel: the same table (weights
     * 4, 3, 2 and a drained 0, in the kernel's printed order) and the same 18 new connections, one after
     * another; the kernel's choices are the real servers that answered.
     */
    @Test
    void userspaceRoundRobinSchedulersChooseWhatTheKernelChooses() throws IOException {
        String p = "bl" + UUID.randomUUID().toString().substring(0, 4);
        List<String> setup = new ArrayList<>(List.of("set -e", "sysctl -qw net.ipv4.ip_forward=1",
                "ip netns add " + p + "c", "ip netns add " + p + "s",
                "ip link add " + p + "c type veth peer name eth0 netns " + p + "c",
                "ip link add " + p + "s type veth peer name eth0 netns " + p + "s",
                "ip addr add 203.0.113.17/28 dev " + p + "c", "ip link set " + p + "c up",
                "ip addr add 198.51.100.9/30 dev " + p + "s", "ip link set " + p + "s up",
                "ip addr add 203.0.113.101/32 dev lo", "ip addr add 203.0.113.102/32 dev lo",
                "ip -n " + p + "c addr add 203.0.113.18/28 dev eth0", "ip -n " + p + "c link set eth0 up",
                "ip -n " + p + "c route add default via 203.0.113.17",
                "ip -n " + p + "s addr add 198.51.100.10/30 dev eth0", "ip -n " + p + "s link set eth0 up",
                "ip -n " + p + "s link set lo up", "ip -n " + p + "s route add default via 198.51.100.9"));
        for (int port = 8081; port <= 8084; port++) {
            Path reply = script("reply-" + port + ".sh", "#!/bin/sh\necho " + port + "\n");
            setup.add("(ip netns exec " + p + "s busybox nc -ll -p " + port + " -e " + reply + " >/dev/null 2>&1 &)");
        }
        String cleanup = "ip netns pids " + p + "s | xargs -r kill; ip netns del " + p + "c; ip netns del " + p + "s; "
                + "ip addr del 203.0.113.101/32 dev lo; ip addr del 203.0.113.102/32 dev lo";
        try {
            vm.run(String.join("; ", setup), Duration.ofMinutes(2));
            List<RealServer> servers = List.of(IpvsTables.server("a", "198.51.100.10", 8081, 4),
                    IpvsTables.server("b", "198.51.100.10", 8082, 3), IpvsTables.server("c", "198.51.100.10", 8083, 2),
                    IpvsTables.server("d", "198.51.100.10", 8084, 0));
            apply(List.of(IpvsTables.tcp("203.0.113.101", 80, Scheduler.RR, ForwardingMethod.NAT, servers),
                    IpvsTables.tcp("203.0.113.102", 80, Scheduler.WRR, ForwardingMethod.NAT, servers)));
            vm.run("for port in 8081 8082 8083 8084; do i=0; until ip netns exec " + p + "s ss -ltn "
                    + "| grep -q :$port; do [ $i -ge 100 ] && exit 1; sleep 0.1; i=$((i+1)); done; done",
                    Duration.ofMinutes(1));
            for (String vip : List.of("203.0.113.101", "203.0.113.102")) {
                VirtualService inKernel = IpvsTableParser.parse(vm.run("ipvsadm -Ln --exact --nosort", Duration.ofMinutes(1)),
                        vm.run("ipvsadm -Ln --exact --thresholds", Duration.ofMinutes(1))).stream()
                        .filter(s -> vip.equals(s.address())).findFirst().orElseThrow();
                List<Integer> kernel = vm.run("for i in $(seq 18); do ip netns exec " + p + "c busybox nc -w 3 " + vip
                        + " 80 </dev/null; done", Duration.ofMinutes(3)).lines().map(String::strip)
                        .filter(l -> !l.isEmpty()).map(Integer::valueOf).toList();

                List<Integer> userspace = SchedulerReplay.choices(inKernel, 18);

                System.out.println(inKernel.scheduler().wireName() + " over " + inKernel.realServers().stream()
                        .map(r -> r.port() + "/" + r.weight()).toList() + ": kernel " + kernel + ", userspace " + userspace);
                assertThat(kernel).hasSize(18);
                assertThat(userspace).as(inKernel.scheduler().wireName()).isEqualTo(kernel);
            }
        } finally {
            vm.exec(cleanup, Duration.ofMinutes(1));
        }
    }

    /** The number after "NAME=" on the line that starts with {@code prefix + " "}. */
    private static long field(String output, String prefix, String name) {
        String line = output.lines().filter(l -> l.startsWith(prefix + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + prefix + "' in:\n" + output));
        String rest = line.substring(line.indexOf(" " + name + "=") + name.length() + 2);
        return Long.parseLong(rest.split(" ")[0]);
    }

    private static int count(String uniqCounts, String name) {
        return uniqCounts.lines().map(String::strip).filter(l -> l.endsWith(" " + name))
                .mapToInt(l -> Integer.parseInt(l.substring(0, l.indexOf(' ')))).sum();
    }

    private static Path script(String name, String text) throws IOException {
        Path file = work.resolve(name);
        Files.writeString(file, text);
        file.toFile().setExecutable(true);
        return file;
    }

    private static VirtualService withServer(VirtualService service, int index,
                                             java.util.function.UnaryOperator<RealServer> change) {
        List<RealServer> servers = new ArrayList<>(service.realServers());
        servers.set(index, change.apply(servers.get(index)));
        return service.withRealServers(servers);
    }

    private String apply(List<VirtualService> target) throws IOException {
        return vm.run(QemuVm.javaCommand(IpvsPlaneDriver.class.getName(), "apply", stateDir,
                writeTarget(target).toString()), JAVA_TIMEOUT);
    }

    private List<VirtualService> readTable() throws IOException {
        String output = vm.run(QemuVm.javaCommand(IpvsPlaneDriver.class.getName(), "read", stateDir), JAVA_TIMEOUT);
        String json = output.substring(output.indexOf("TABLE") + "TABLE".length()).strip();
        return SpecCodec.mapper().readValue(json, new TypeReference<List<VirtualService>>() {
        });
    }

    private Map<ServiceKey, VirtualService> kernelTable() throws IOException {
        String listing = vm.run("ipvsadm -Ln --exact", Duration.ofMinutes(2));
        String thresholds = vm.run("ipvsadm -Ln --exact --thresholds", Duration.ofMinutes(2));
        return IpvsTables.kernelView(IpvsTableParser.parse(listing, thresholds));
    }

    private static Path writeTarget(List<VirtualService> target) throws IOException {
        Path file = work.resolve("target-" + UUID.randomUUID().toString().substring(0, 8) + ".json");
        SpecCodec.mapper().writeValue(file.toFile(), target);
        return file;
    }
}
