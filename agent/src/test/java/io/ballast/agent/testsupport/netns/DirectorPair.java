package io.ballast.agent.testsupport.netns;

import io.ballast.agent.security.TlsIdentity;
import io.ballast.model.ClusterForm;
import io.ballast.netns.Netns;
import io.ballast.netns.NetnsLab;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Two directors, each running a real agent process (nftables plane, keepalived engine, conntrackd),
 * between a client and three real servers:
 * <pre>
 *  client 203.0.113.2 ──── bridge "front" ──── lb-a eth0 203.0.113.11 ─┐   VIP 203.0.113.10 (VRRP, unicast)
 *                                         └─── lb-b eth0 203.0.113.12 ─┤
 *                           bridge "sync" 192.0.2.11 / .12 (eth2): agent API, peer watch, conntrackd
 *  rs1..rs3 198.51.100.21-23 ── bridge "back" ── lb-a eth1 198.51.100.11, lb-b eth1 198.51.100.12
 * </pre>
 * HA_PAIR: NAT with SNAT to the gateway VIP 198.51.100.10, which keepalived moves with the VIP (on eth1,
 * adverts between the back addresses), so a synchronised connection's replies reach whichever director is
 * master. In STREAMLINE the directors are the real servers instead (lb-a, lb-b by their front addresses, port 80), and
 * rs1 stays as a third one. Everything goes when {@link #close()} runs (the lab removes namespaces and
 * whatever runs in them).
 */
public final class DirectorPair implements AutoCloseable {

    public static final String VIP = "203.0.113.10";
    /** HA_PAIR: the floating address on the back network the directors source-NAT to; it moves with the VIP. */
    public static final String GATEWAY_VIP = "198.51.100.10";
    /** HA_PAIR: the "echo" service's port (identity servers: long-lived connections, a reply per line). */
    public static final int ECHO_PORT = 7000;
    public static final String TOKEN = "scenario-token-0123456789abcdef";

    /** How the pair elects its master. */
    public enum Election {
        /** Ballast: the agent renders keepalived's VRRP config and supervises it. */
        BALLAST,
        /** Plain keepalived with a hand-written config (virtual_ipaddress only); the agent only loads the table. */
        PLAIN_KEEPALIVED
    }

    /** Scenario knobs. */
    public record Options(ClusterForm form, boolean preempt, int advertIntervalMs, boolean connectionSync,
                          Election election, String plainAdvertInt, int plainVrrpVersion) {

        public static Options haPair() {
            return new Options(ClusterForm.HA_PAIR, true, 100, true, Election.BALLAST, null, 3);
        }

        public static Options streamline() {
            return new Options(ClusterForm.STREAMLINE, true, 100, false, Election.BALLAST, null, 3);
        }

        public Options withPreempt(boolean value) {
            return new Options(form, value, advertIntervalMs, connectionSync, election, plainAdvertInt, plainVrrpVersion);
        }

        public Options withConnectionSync(boolean value) {
            return new Options(form, preempt, advertIntervalMs, value, election, plainAdvertInt, plainVrrpVersion);
        }

        public Options withAdvertIntervalMs(int value) {
            return new Options(form, preempt, value, connectionSync, election, plainAdvertInt, plainVrrpVersion);
        }

        public Options plainKeepalived(String advertInt, int vrrpVersion) {
            return new Options(form, preempt, advertIntervalMs, false, Election.PLAIN_KEEPALIVED, advertInt, vrrpVersion);
        }
    }

    private final NetnsLab lab;
    private final Path dir;
    private final Options options;
    private final Netns client;
    private final Netns nsA;
    private final Netns nsB;
    private final List<Netns> realServers = new ArrayList<>();
    private final Map<String, String> fingerprints;
    private final AgentProcess agentA;
    private final AgentProcess agentB;

    private DirectorPair(Path dir, Options options) throws IOException {
        this.dir = dir;
        this.options = options;
        lab = NetnsLab.create();
        try {
            client = lab.namespace("client");
            nsA = lab.namespace("lb-a");
            nsB = lab.namespace("lb-b");
            lab.connect(client, "eth0", "front", "203.0.113.2/24");
            lab.connect(nsA, "eth0", "front", "203.0.113.11/24");
            lab.connect(nsB, "eth0", "front", "203.0.113.12/24");
            lab.connect(nsA, "eth1", "back", "198.51.100.11/24");
            lab.connect(nsB, "eth1", "back", "198.51.100.12/24");
            lab.connect(nsA, "eth2", "sync", "192.0.2.11/24");
            lab.connect(nsB, "eth2", "sync", "192.0.2.12/24");
            for (int i = 1; i <= 3; i++) {
                Netns rs = lab.namespace("rs" + i);
                lab.connect(rs, "eth0", "back", realServer(i) + "/24");
                rs.startHttpServer(80, "rs" + i);
                if (options.form() == ClusterForm.HA_PAIR) {
                    rs.startIdentityServer("tcp", ECHO_PORT, "rs" + i);
                }
                realServers.add(rs);
            }
            if (options.form() == ClusterForm.STREAMLINE) {
                nsA.startHttpServer(80, "lb-a");
                nsB.startHttpServer(80, "lb-b");
            }
            Files.writeString(dir.resolve("token"), TOKEN + "\n");
            fingerprints = Map.of("lb-a", identity("lb-a"), "lb-b", identity("lb-b"));
            Files.writeString(dir.resolve("spec.json"), ScenarioSpecs.spec(options));
            agentA = agent("lb-a", nsA, "192.0.2.11", "192.0.2.12", "lb-b");
            agentB = agent("lb-b", nsB, "192.0.2.12", "192.0.2.11", "lb-a");
        } catch (IOException | RuntimeException | Error e) {
            lab.close();
            throw e;
        }
    }

    /** Builds the namespaces, starts the real servers, writes both agents' configs; agents start with {@link #startAgents()}. */
    public static DirectorPair create(Path dir, Options options) {
        try {
            return new DirectorPair(dir, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String realServer(int i) {
        return "198.51.100." + (20 + i);
    }

    /** Starts lb-a, then lb-b (and plain keepalived in each, in that mode). */
    public void startAgents() {
        agentA.start();
        agentB.start();
        if (options.election() == Election.PLAIN_KEEPALIVED) {
            startPlainKeepalived(nsA);
            startPlainKeepalived(nsB);
        }
    }

    public AgentProcess a() {
        return agentA;
    }

    public AgentProcess b() {
        return agentB;
    }

    public Netns client() {
        return client;
    }

    /**
     * A crash of lb-a: its links go down first (the machine stops forwarding at once, as on power loss),
     * then every process in its namespace gets SIGKILL (agent, keepalived, conntrackd).
     */
    public void crashA() {
        cutA();
        agentA.kill();
        Netns.killAllIn(nsA.name());
    }

    /** lb-a's cables are pulled; its processes keep running. */
    public void cutA() {
        // One batch: all three cables go at the same instant.
        nsA.execWithInput("link set eth0 down\nlink set eth1 down\nlink set eth2 down\n", "ip", "-batch", "-");
    }

    /** Cables back in. */
    public void reconnectA() {
        for (String link : List.of("eth0", "eth1", "eth2")) {
            nsA.execOk("ip", "link", "set", link, "up");
        }
    }

    /**
     * lb-a comes back as after a reboot: without the VIPs a killed keepalived left configured and with an
     * empty connection-tracking table (the namespace outlives the "crash", its kernel entries would
     * not survive a reboot), links up, its web server (streamline) and its agent started again on the
     * same state directory.
     */
    public void restoreA() {
        nsA.exec("ip", "addr", "del", VIP + "/32", "dev", "eth0");
        nsA.exec("ip", "addr", "del", GATEWAY_VIP + "/32", "dev", "eth1");
        nsA.exec("conntrack", "-F");
        reconnectA();
        if (options.form() == ClusterForm.STREAMLINE) {
            nsA.startHttpServer(80, "lb-a");
        }
        agentA.start();
        if (options.election() == Election.PLAIN_KEEPALIVED) {
            startPlainKeepalived(nsA);
        }
    }

    /** Drops VRRP between the directors (both directions, in both namespaces): the classic split brain. */
    public void dropVrrpBetweenDirectors() {
        for (Netns ns : List.of(nsA, nsB)) {
            ns.execWithInput("""
                    table inet splitbrain {
                      chain in { type filter hook input priority -300; ip protocol vrrp drop; }
                      chain out { type filter hook output priority -300; ip protocol vrrp drop; }
                    }
                    """, "nft", "-f", "-");
        }
    }

    public boolean holdsVip(AgentProcess agent) {
        return agent.namespace().exec("ip", "-o", "addr", "show", "dev", "eth0").stdout().contains(VIP + "/");
    }

    /**
     * How many established connections to the VIP's {@code port} the director's kernel tracks — on a
     * standby with connection sync, the ones conntrackd injected from the master.
     */
    public int trackedConnections(AgentProcess agent, int port) {
        Netns.Result r = agent.namespace().exec("cat", "/proc/net/nf_conntrack");
        return (int) r.stdout().lines().filter(l -> l.contains(" ESTABLISHED ") && l.contains("dst=" + VIP + " ")
                && l.contains("dport=" + port + " ")).count();
    }

    /** How many entries the director's connection-tracking table holds ({@code conntrack -C}), -1 if unknown. */
    public int conntrackCount(AgentProcess agent) {
        Netns.Result r = agent.namespace().exec("conntrack", "-C");
        try {
            return r.exitCode() == 0 ? Integer.parseInt(r.stdout().trim()) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The "external inject" counters of the director's conntrackd ({@code conntrackd -s}): connections the
     * peer's messages created, updated and destroyed in this kernel, and the failures; empty if not running.
     */
    public String conntrackdInjectStats(String node) {
        AgentProcess agent = node.equals("lb-a") ? agentA : agentB;
        Path conf = dir.resolve(node).resolve("state").resolve("conntrackd-" + node).resolve("conntrackd.conf");
        Netns.Result r = agent.namespace().exec("conntrackd", "-C", conf.toString(), "-s");
        String out = r.stdout();
        int at = out.indexOf("external inject:");
        if (at < 0) {
            return "";
        }
        int end = out.indexOf("\n\n", at);
        return out.substring(at, end < 0 ? out.length() : end).replaceAll("\\s+", " ").trim();
    }

    /** One HTTP GET to the VIP from the client; the identity that answered, or null. */
    public String ask() {
        Netns.Result r = client.exec("curl", "-s", "--max-time", "1", "http://" + VIP + "/");
        return r.exitCode() == 0 ? r.stdout().trim() : null;
    }

    /**
     * One HTTP/1.0 GET to the VIP from the client's source port {@code port}, read to the end before the
     * client closes (so the server closes first and the client keeps no TIME_WAIT that would stop the port's
     * reuse; 3 s at most: a loaded machine is not a failure); the identity that answered, or null.
     */
    public String askFrom(int port) {
        Netns.Result r = client.exec(NetnsLab.python(), "-c", ASK_FROM, VIP, String.valueOf(port));
        return r.exitCode() == 0 && !r.stdout().isBlank() ? r.stdout().trim() : null;
    }

    private static final String ASK_FROM = """
            import socket, sys
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("", int(sys.argv[2])))
            s.settimeout(3)
            s.connect((sys.argv[1], 80))
            s.sendall(b"GET / HTTP/1.0\\r\\nHost: x\\r\\n\\r\\n")
            data = b""
            while True:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
            s.close()
            head, _, body = data.partition(b"\\r\\n\\r\\n")
            print(body.decode().strip() if b" 200 " in head.split(b"\\r\\n")[0] else "")
            """;

    /** Starts the outage probe in the client: one request every {@code intervalMs} for {@code seconds}. */
    public Process probe(int intervalMs, double seconds) {
        return client.spawnInteractive(NetnsLab.python(), lab.script("outage_probe.py").toString(), VIP, "80",
                String.valueOf(intervalMs), String.valueOf(seconds));
    }

    private String identity(String node) throws IOException {
        Path state = dir.resolve(node).resolve("state");
        Files.createDirectories(state);
        return TlsIdentity.loadOrCreate(state, node).fingerprint();
    }

    private AgentProcess agent(String node, Netns ns, String apiAddress, String peerAddress, String peer)
            throws IOException {
        Path home = dir.resolve(node);
        Path config = home.resolve("agent.json");
        String failover = options.election() == Election.BALLAST ? "keepalived" : "single";
        String back = apiAddress.replace("192.0.2.", "198.51.100.");
        String peerBack = peerAddress.replace("192.0.2.", "198.51.100.");
        String sync = options.connectionSync() ? """
                , "conntrackd.local": "%s", "conntrackd.peer": "%s", "conntrackd.interface": "eth2"
                """.formatted(apiAddress, peerAddress).strip() : "";
        Files.writeString(config, """
                {
                  "nodeId": "%s",
                  "listenAddress": "%s",
                  "listenPort": 9443,
                  "stateDir": "state",
                  "dataPlane": "nftables",
                  "dataPlaneSettings": { "table": "ballast" %s },
                  "failoverEngine": "%s",
                  "failoverSettings": {
                    "peerTokenFile": "../token",
                    "peerFingerprint.%s": "%s",
                    "peerPollMillis": "200",
                    "syncSettleMillis": "1500",
                    "stepDownHoldMillis": "5000",
                    "gatewayInterface": "eth1",
                    "gatewaySourceAddress": "%s",
                    "gatewayPeers": "%s"
                  },
                  "initialSpec": "../spec.json",
                  "reconcileIntervalSeconds": 5
                }
                """.formatted(node, apiAddress, sync, failover, peer, fingerprints.get(peer), back, peerBack));
        return new AgentProcess(ns, apiAddress, config, dir.resolve("token"), TOKEN);
    }

    private void startPlainKeepalived(Netns ns) {
        boolean isA = ns == nsA;
        Path home = dir.resolve(isA ? "lb-a" : "lb-b").resolve("plain");
        try {
            Files.createDirectories(home);
            Path conf = home.resolve("keepalived.conf");
            Files.writeString(conf, ScenarioSpecs.plainKeepalived(options, isA));
            ns.spawn("keepalived", "-n", "-l", "-D", "-P", "-f", conf.toString(),
                    "-p", home.resolve("k.pid").toString(), "-r", home.resolve("v.pid").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        agentA.kill();
        agentB.kill();
        lab.close();
    }
}
