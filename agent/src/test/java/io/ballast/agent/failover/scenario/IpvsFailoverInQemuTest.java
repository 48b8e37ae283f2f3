package io.ballast.agent.failover.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.agent.testsupport.RealEngines;
import io.ballast.agent.testsupport.qemu.QemuVm;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failover on the IPVS plane, in the QEMU VM (IPVS tables, sync daemons and connections are per
 * network namespace, so a whole cluster fits in one guest): real keepalived run by the keepalived
 * engine, the ipvs plane, the reconciler and the readiness gate ({@link IpvsDirectorDriver}) in each
 * director's namespace, a client, real servers. One boot for the class.
 */
class IpvsFailoverInQemuTest {

    private static final String VIP = "203.0.113.10";
    private static QemuVm vm;
    private static Path scripts;
    private GuestLab lab;

    @BeforeAll
    static void bootVm() throws Exception {
        RealEngines.require("IPVS failover in QEMU", false, "qemu-system-x86_64");
        RealEngines.requireFiles("IPVS failover in QEMU", QemuVm.kernel(), QemuVm.modules());
        Path work = Path.of("target", "ipvs-failover-vm").toAbsolutePath();
        Files.createDirectories(work);
        scripts = scriptsDir();
        vm = QemuVm.boot(work.resolve("console.log"));
        System.out.println("IPVS failover VM booted in " + vm.bootMillis() + " ms");
        vm.run("command -v keepalived && command -v ipvsadm && command -v python3", java.time.Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopVm() {
        if (vm != null) {
            vm.close();
        }
    }

    @BeforeEach
    void newLab() throws IOException {
        lab = new GuestLab(vm);
    }

    @AfterEach
    void removeLab() {
        if (lab != null) {
            lab.close();
        }
    }

    /**
     * HA_PAIR through NAT with the IPVS sync daemon: a client holds one TCP connection (an echo round
     * trip every 100 ms) while lb-a crashes (links down, every process killed), lb-b takes over with
     * the synced connection, and lb-a comes back as after a reboot (a new namespace: no table, no
     * connections) and takes the VIPs back once the readiness gate lets it — the connection it then
     * carries reached it only through lb-b's sync daemon.
     */
    @Test
    void longLivedConnectionSurvivesFailoverAndFailBackWithTheSyncDaemon() throws Exception {
        haPairTopology();
        startDirector("lb-a", haPairSpec(), haSettings("lb-a", "198.51.100.11", "198.51.100.12"));
        lab.await("lb-a master", 420, role("lb-a", "MASTER"), "lb-a.log");
        startDirector("lb-b", haPairSpec(), haSettings("lb-b", "198.51.100.12", "198.51.100.11"));
        awaitSteady("lb-a master with the VIP and the master sync daemon, lb-b backup with the backup daemon",
                role("lb-a", "MASTER") + " && " + role("lb-b", "BACKUP") + " && " + holdsVip("lb-a", "eth0")
                        + " && " + daemon("lb-a", "master") + " && " + daemon("lb-b", "backup"));

        String client = lab.dir() + "/client.log";
        lab.spawn("client", "python3 " + scripts.resolve("vm_held_client.py") + " " + VIP + " 7000 " + client + " "
                + lab.dir() + "/stop 1500", "client.out");
        lab.await("30 round trips through lb-a, the connection synced to lb-b", 120, roundTrips(30)
                + " && ip netns exec " + lab.ns("lb-b")
                + " ipvsadm -Lnc | grep -q 'ESTABLISHED 203.0.113.2:'", "client.log", "lb-b.log");

        int beforeCrash = okCount();
        lab.crash("lb-a", "eth0", "eth1");
        lab.await("lb-b master with the VIP, 30 more round trips on the same connection", 120,
                role("lb-b", "MASTER") + " && " + holdsVip("lb-b", "eth0") + " && " + roundTrips(beforeCrash + 30),
                "client.log", "lb-b.log");
        lab.await("lb-b's master sync daemon", 60, daemon("lb-b", "master"), "lb-b.log");

        lab.forget("lb-a");
        lab.namespace("lb-a", true);
        lab.link("lb-a", "eth0", "f", "203.0.113.11/24");
        lab.link("lb-a", "eth1", "k", "198.51.100.11/24");
        startDirector("lb-a", haPairSpec(), haSettings("lb-a", "198.51.100.11", "198.51.100.12"));
        lab.await("restored lb-a master again, lb-b backup", 420, role("lb-a", "MASTER") + " && "
                + role("lb-b", "BACKUP") + " && " + holdsVip("lb-a", "eth0") + " && ! " + holdsVip("lb-b", "eth0")
                + " && " + roundTrips(0), "lb-a.log", "lb-b.log", "client.log");
        int atFailBack = okCount();
        lab.await("30 more round trips through the restored lb-a", 120, roundTrips(atFailBack + 30)
                + " && " + daemon("lb-b", "backup"), "client.log", "lb-a.log");
        String stats = lab.in("lb-a", "ipvsadm -Ln --stats --exact");
        lab.run("touch " + lab.dir() + "/stop");
        lab.await("the client to stop", 30, "grep -q '^END' " + client, "client.log");

        List<String> log = Arrays.asList(lab.run("cat " + client).strip().split("\n"));
        List<String> ok = log.stream().filter(l -> l.startsWith("ok ")).toList();
        System.out.println("HA_PAIR on IPVS: " + ok.size() + " round trips on one connection; longest gap "
                + longestGapMillis(ok) + " ms; lb-a after fail-back: " + stats.replace('\n', ' '));
        assertThat(log).as("every round trip answered on the one connection").noneMatch(l -> l.startsWith("FAIL"))
                .last().isEqualTo("END");
        assertThat(ok.stream().map(l -> l.split(" ")[2]).distinct().toList())
                .as("the same real server answered throughout").hasSize(1);
        assertThat(ok.size()).isGreaterThanOrEqualTo(atFailBack + 30);
        assertThat(inPackets(stats, "TCP  " + VIP + ":7000")).as("the restored lb-a forwarded the connection").isPositive();
    }

    /**
     * STREAMLINE by direct routing: lb-a and lb-b are both directors and real servers. Each request is
     * served exactly once: what lb-a balances to lb-b is served by lb-b (VIP on lo, ARP suppressed),
     * whose IPVS — no virtual service while backup — counts no connection at all. When lb-a crashes,
     * lb-b takes the VIP and lb-a leaves the real-server set.
     */
    @Test
    void streamlineInDrServesEachRequestOnceAndTheSurvivorDropsTheFailedNode() throws Exception {
        for (String node : List.of("client", "lb-a", "lb-b")) {
            lab.namespace(node, false);
        }
        lab.link("client", "eth0", "f", "203.0.113.2/24");
        lab.link("lb-a", "eth0", "f", "203.0.113.11/24");
        lab.link("lb-b", "eth0", "f", "203.0.113.12/24");
        for (String node : List.of("lb-a", "lb-b")) {
            lab.spawn(node, "python3 " + scripts.resolve("vm_echo_server.py") + " 80 " + node + " " + lab.dir()
                    + "/served-" + node, node + "-server.log");
        }
        String spec = streamlineSpec();
        startDirector("lb-a", spec, List.of());
        lab.await("lb-a master", 420, role("lb-a", "MASTER"), "lb-a.log");
        startDirector("lb-b", spec, List.of());
        awaitSteady("lb-a master, lb-b backup; both with the VIP on lo and ARP suppressed",
                role("lb-a", "MASTER") + " && " + role("lb-b", "BACKUP") + " && " + holdsVip("lb-a", "eth0")
                        + " && " + holdsVip("lb-a", "lo") + " && " + holdsVip("lb-b", "lo") + " && "
                        + "[ $(ip netns exec " + lab.ns("lb-b") + " sysctl -n net.ipv4.conf.all.arp_ignore) = 1 ] && "
                        + "ip netns exec " + lab.ns("lb-a") + " ipvsadm -Ln | grep -q 203.0.113.12:80");
        assertThat(lab.in("lb-b", "ipvsadm -Ln")).as("the backup holds no virtual service").doesNotContain(VIP);

        Map<String, String> answers = requests("m", 40);
        Map<String, Long> servedA = served("lb-a");
        Map<String, Long> servedB = served("lb-b");
        // The kernel folds its per-CPU counters into what it reports on a timer; under TCG that lags by seconds.
        lab.await("lb-a's IPVS to count the 40 connections", 90, "ip netns exec " + lab.ns("lb-a")
                + " ipvsadm -Ln --stats --exact | grep -q '" + VIP + ":80 *40 '", "lb-a.log");
        String statsA = lab.in("lb-a", "ipvsadm -Ln --stats --exact");
        long balancedByB = totalConnections(lab.in("lb-b", "cat /proc/net/ip_vs_stats"));
        System.out.println("STREAMLINE dr, 40 requests: lb-a served " + servedA.size() + ", lb-b served " + servedB.size()
                + "; lb-a's IPVS: " + statsA.replace('\n', ' ') + "; lb-b's IPVS balanced " + balancedByB);
        assertThat(answers).hasSize(40).doesNotContainValue("FAIL");
        assertThat(servedA.values()).as("no request served twice").allMatch(n -> n == 1);
        assertThat(servedB.values()).as("no request served twice").allMatch(n -> n == 1);
        assertThat(servedA.keySet()).doesNotContainAnyElementsOf(servedB.keySet());
        assertThat(servedA.size() + servedB.size()).isEqualTo(40);
        assertThat(servedA).isNotEmpty();
        assertThat(servedB).isNotEmpty();
        assertThat(answers.entrySet().stream().filter(e -> e.getValue().equals("lb-b")).map(Map.Entry::getKey).toList())
                .containsExactlyInAnyOrderElementsOf(servedB.keySet());
        assertThat(connections(statsA, "203.0.113.12:80")).as("lb-a balanced to lb-b what lb-b served")
                .isEqualTo(servedB.size());
        assertThat(balancedByB).as("lb-b's IPVS balanced nothing: no request looped back").isZero();

        lab.crash("lb-a", "eth0");
        lab.await("lb-b master with the VIP", 120, role("lb-b", "MASTER") + " && " + holdsVip("lb-b", "eth0"), "lb-b.log");
        // The agent's peer watch notices a silent peer over the API; here the test tells the driver.
        lab.run("echo lb-a > " + lab.dir() + "/left-lb-b");
        lab.await("lb-a out of lb-b's real-server set", 60, "ip netns exec " + lab.ns("lb-b") + " ipvsadm -Ln | grep -q "
                + "203.0.113.12:80 && ! ip netns exec " + lab.ns("lb-b") + " ipvsadm -Ln | grep -q 203.0.113.11", "lb-b.log");

        Map<String, String> after = requests("n", 20);
        Map<String, Long> servedAfter = served("lb-b");
        servedAfter.keySet().removeAll(servedB.keySet());
        assertThat(after).hasSize(20).allSatisfy((id, node) -> assertThat(node).isEqualTo("lb-b"));
        assertThat(servedAfter).hasSize(20).allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
        lab.await("lb-b's IPVS to count the 20 connections it balanced", 90, "ip netns exec " + lab.ns("lb-b")
                + " ipvsadm -Ln --stats --exact | grep -q '203.0.113.12:80 *20 '");
        String statsB = lab.in("lb-b", "ipvsadm -Ln --stats --exact");
        String procB = lab.in("lb-b", "cat /proc/net/ip_vs_stats");
        assertThat(connections(statsB, "203.0.113.12:80")).as("lb-b, now master, balanced each new connection once: "
                + statsB + procB).isEqualTo(20);
        assertThat(totalConnections(procB)).as(procB).isEqualTo(20);
        assertThat(lab.run("cat " + lab.dir() + "/lb-b.log")).contains("LEFT [lb-a]");
    }

    private void haPairTopology() throws IOException {
        lab.namespace("client", false);
        lab.namespace("lb-a", true);
        lab.namespace("lb-b", true);
        lab.link("client", "eth0", "f", "203.0.113.2/24");
        lab.link("lb-a", "eth0", "f", "203.0.113.11/24");
        lab.link("lb-b", "eth0", "f", "203.0.113.12/24");
        lab.link("lb-a", "eth1", "k", "198.51.100.11/24");
        lab.link("lb-b", "eth1", "k", "198.51.100.12/24");
        for (int i = 1; i <= 2; i++) {
            String rs = "rs" + i;
            lab.namespace(rs, false);
            lab.link(rs, "eth0", "k", "198.51.100.2" + i + "/24");
            // NAT: replies go back through the gateway VIP, which moves with the service VIP.
            lab.run("ip -n " + lab.ns(rs) + " route add default via 198.51.100.10");
            lab.spawn(rs, "python3 " + scripts.resolve("vm_echo_server.py") + " 7000 " + rs, rs + ".log");
        }
    }

    private void startDirector(String node, String spec, List<String> settings) throws IOException {
        String specFile = lab.dir() + "/spec-" + node + ".json";
        lab.run("cat > " + specFile + " <<'SPEC'\n" + spec + "SPEC");
        List<String> args = new ArrayList<>(List.of(node, specFile, lab.dir() + "/state-" + node,
                lab.dir() + "/left-" + node));
        args.addAll(settings);
        lab.spawn(node, QemuVm.javaCommand(List.of("-Xmx160m"), IpvsDirectorDriver.class.getName(),
                args.toArray(String[]::new)), node + ".log");
    }

    /**
     * Waits until the condition holds and no director changed role for 10 s. Under TCG on a busy host
     * the guest's timers slip while JVMs start, and VRRP may flap before it settles; a client started
     * during a flap would test the flap, not the failover.
     */
    private void awaitSteady(String what, String condition) throws IOException {
        String roleChanges = "cat " + lab.dir() + "/lb-a.log " + lab.dir() + "/lb-b.log | grep -c '^ROLE'";
        for (int attempt = 0; attempt < 8; attempt++) {
            lab.await(what, 420, condition, "lb-a.log", "lb-b.log");
            String before = lab.run(roleChanges);
            lab.run("sleep 10");
            if (before.equals(lab.run(roleChanges)) && lab.exec(condition).ok()) {
                return;
            }
        }
        throw new AssertionError("the directors kept changing roles: " + what + "\n"
                + lab.run("grep -h '^ROLE' " + lab.dir() + "/lb-a.log; echo; grep -h '^ROLE' " + lab.dir() + "/lb-b.log"));
    }

    private static List<String> haSettings(String node, String self, String peer) {
        return List.of("plane.sync=true", "plane.syncId=51", "plane.syncInterface=eth1",
                "failover.gatewayInterface=eth1", "failover.gatewaySourceAddress=" + self,
                "failover.gatewayPeers=" + peer, "failover.syncSettleMillis=5000");
    }

    private String role(String node, String role) {
        return "[ \"$(grep '^ROLE ' " + lab.dir() + "/" + node + ".log | tail -n 1)\" = 'ROLE " + role + "' ]";
    }

    private String holdsVip(String node, String dev) {
        return "ip -n " + lab.ns(node) + " -o addr show dev " + dev + " | grep -q ' " + VIP + "/32'";
    }

    private String daemon(String node, String kind) {
        return "ip netns exec " + lab.ns(node) + " ipvsadm -L --daemon | grep -q '" + kind + " sync daemon'";
    }

    /** At least {@code n} round trips so far, and none failed (exit 3 stops the wait at once). */
    private String roundTrips(int n) {
        String log = lab.dir() + "/client.log";
        return "{ ! grep -q '^FAIL' " + log + " || exit 3; } && [ $(grep -c '^ok' " + log + ") -ge " + n + " ]";
    }

    private int okCount() throws IOException {
        return Integer.parseInt(lab.run("grep -c '^ok' " + lab.dir() + "/client.log").strip());
    }

    private Map<String, String> requests(String prefix, int n) throws IOException {
        String out = lab.in("client", "python3 " + scripts.resolve("vm_requests.py") + " " + VIP + " 80 " + prefix + " " + n);
        Map<String, String> answers = new TreeMap<>();
        for (String line : out.strip().split("\n")) {
            String[] words = line.split(" ");
            answers.put(words[0].equals("FAIL") ? words[1] : words[0], words[0].equals("FAIL") ? "FAIL" : words[1]);
        }
        return answers;
    }

    /** Request id → how many times the node served it. */
    private Map<String, Long> served(String node) throws IOException {
        String text = lab.run("cat " + lab.dir() + "/served-" + node + " 2>/dev/null || true").strip();
        return text.isEmpty() ? new TreeMap<>() : Arrays.stream(text.split("\n")).map(String::strip)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }

    private static long longestGapMillis(List<String> ok) {
        long longest = 0;
        for (int i = 1; i < ok.size(); i++) {
            longest = Math.max(longest, Long.parseLong(ok.get(i).split(" ")[3]) - Long.parseLong(ok.get(i - 1).split(" ")[3]));
        }
        return longest;
    }

    /** The Conns column of a destination (or service) line of {@code ipvsadm -Ln --stats --exact}. */
    private static long connections(String stats, String endpoint) {
        return column(stats, endpoint, 0);
    }

    private static long inPackets(String stats, String line) {
        return column(stats, line.substring(line.lastIndexOf(' ') + 1), 1);
    }

    private static long column(String stats, String endpoint, int index) {
        for (String line : stats.split("\n")) {
            String[] words = line.trim().split("\\s+");
            int at = Arrays.asList(words).indexOf(endpoint);
            if (at >= 0 && words.length > at + 1 + index) {
                return Long.parseLong(words[at + 1 + index]);
            }
        }
        throw new AssertionError("no line for " + endpoint + " in:\n" + stats);
    }

    /** Total connections from /proc/net/ip_vs_stats (hexadecimal, first column of the third line). */
    private static long totalConnections(String procStats) {
        return Long.parseLong(procStats.strip().split("\n")[2].trim().split("\\s+")[0], 16);
    }

    private static String haPairSpec() {
        return """
                { "schemaVersion": 1, "name": "vm-ha", "form": "HA_PAIR", "revision": 1,
                  "directors": [
                    { "id": "lb-a", "address": "203.0.113.11", "agentEndpoint": "https://192.0.2.11:9443", "priority": 150, "iface": "eth0" },
                    { "id": "lb-b", "address": "203.0.113.12", "agentEndpoint": "https://192.0.2.12:9443", "priority": 100, "iface": "eth0" } ],
                  "virtualServices": [ { "name": "echo", "protocol": "TCP", "address": "203.0.113.10", "port": 7000,
                      "scheduler": "rr", "forwarding": "nat", "realServers": [
                        { "name": "rs1", "address": "198.51.100.21", "port": 7000, "weight": 1 },
                        { "name": "rs2", "address": "198.51.100.22", "port": 7000, "weight": 1 } ] } ],
                  "failover": { "vrid": 61, "advertIntervalMs": 1000, "preempt": true, "preemptDelaySeconds": 0,
                                "connectionSync": true, "gatewayVips": [ "198.51.100.10" ] } }
                """;
    }

    private static String streamlineSpec() {
        return """
                { "schemaVersion": 1, "name": "vm-streamline", "form": "STREAMLINE", "revision": 1,
                  "directors": [
                    { "id": "lb-a", "address": "203.0.113.11", "agentEndpoint": "https://192.0.2.11:9443", "priority": 150, "iface": "eth0" },
                    { "id": "lb-b", "address": "203.0.113.12", "agentEndpoint": "https://192.0.2.12:9443", "priority": 100, "iface": "eth0" } ],
                  "virtualServices": [ { "name": "web", "protocol": "TCP", "address": "203.0.113.10", "port": 80,
                      "scheduler": "rr", "forwarding": "dr", "realServers": [
                        { "name": "lb-a", "address": "203.0.113.11", "port": 80, "weight": 1 },
                        { "name": "lb-b", "address": "203.0.113.12", "port": 80, "weight": 1 } ] } ],
                  "failover": { "vrid": 62, "advertIntervalMs": 1000, "preempt": true, "preemptDelaySeconds": 0,
                                "connectionSync": false } }
                """;
    }

    private static Path scriptsDir() throws URISyntaxException {
        return Path.of(IpvsFailoverInQemuTest.class.getResource("vm_echo_server.py").toURI()).getParent();
    }
}
