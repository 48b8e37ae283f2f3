package io.ballast.app.lab.kernel;

import io.ballast.app.lab.LabForm;
import io.ballast.app.lab.LabHost;
import io.ballast.app.lab.LabLayout;
import io.ballast.app.lab.LabPaths;
import io.ballast.netns.HostSubnet;
import io.ballast.netns.Netns;
import io.ballast.netns.NetnsException;
import io.ballast.netns.NetnsLab;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The lab in network namespaces of its own ({@code bln-<pid>-<random>-…}, so two labs never meet), with
 * the nftables plane and keepalived (VRRPv3) in each director, as in production:
 * <pre>
 *  client 203.0.113.2 ─── bridge "front" ─── lb-a eth0 203.0.113.11 ─┐  VIP 203.0.113.10:80
 *                                      └──── lb-b eth0 203.0.113.12 ─┘  (keepalived moves it)
 *  web-1… 198.51.100.21… ── bridge "back" ── lb-a eth1 198.51.100.11, lb-b eth1 198.51.100.12
 *  bridge "mgmt" M/28 ── this host (M.1), agents' APIs (M.2, M.3), real servers' controls (M.4…)
 * </pre>
 * M is a /28 that no route of the host overlaps ({@link HostSubnet}); the desktop client, in the host's
 * own namespace, reaches the agents through it. Bridges live in a private switch namespace. In
 * streamline the directors are the real servers (port 80 on their front address); a single director
 * holds the VIP itself. Closing removes every namespace and what runs in them; a reaper process does the
 * same if this process is killed.
 */
public final class NamespaceHost implements LabHost {

    static final int MAX_REAL_SERVERS = 10;
    static final String VIP = "203.0.113.10";
    static final int PORT = 80;
    static final int API_PORT = 9443;
    static final int ADVERT_MS = 100;
    // The lower halves are the lab's front and back networks inside its namespaces; the host link takes a
    // /28 elsewhere, and never one the host already routes (its own uplink may be in these ranges).
    static final List<String> HOST_LINK_RANGES = List.of("198.51.100.128/25", "203.0.113.128/25", "192.0.2.0/24");
    private static final List<String> DIRECTOR_LINKS = List.of("eth0", "eth1", "eth2");

    private final LabForm form;
    private final NetnsLab lab;
    private final Map<String, Netns> nodes = new LinkedHashMap<>();
    private HostSubnet mgmt;
    private String hostLink;
    private LabLayout layout;

    private NamespaceHost(LabForm form, NetnsLab lab) {
        this.form = form;
        this.lab = lab;
    }

    static NamespaceHost build(LabForm form, int realServers) {
        NamespaceHost host = new NamespaceHost(form, NetnsLab.create());
        try {
            host.lab.reapWhenOwnerDies(LabPaths.java(), LabPaths.classPath());
            host.wire(realServers);
            return host;
        } catch (RuntimeException e) {
            host.close();
            throw e;
        }
    }

    private void wire(int realServers) {
        linkToHost();

        Netns client = node(CLIENT);
        lab.connect(client, "eth0", "front", "203.0.113.2/25");

        List<LabLayout.DirectorSlot> directors = new ArrayList<>();
        for (int i = 0; i < form.directors(); i++) {
            String id = LabLayout.directorId(form, i);
            Netns director = node(id);
            String front = "203.0.113." + (11 + i);
            lab.connect(director, "eth0", "front", front + "/25");
            lab.connect(director, "eth1", "back", "198.51.100." + (11 + i) + "/25");
            lab.connect(director, "eth2", "mgmt", mgmt.cidr(2 + i));
            directors.add(new LabLayout.DirectorSlot(id, front, API_PORT, 0,
                    form == LabForm.STREAMLINE ? PORT : 0, mgmt.address(2 + i), "eth0"));
        }
        if (form == LabForm.SINGLE) {
            // No keepalived with one director: the VIP is simply its own.
            nodes.get(directors.get(0).id()).addAddress("eth0", VIP + "/32");
        }

        List<LabLayout.ServerSlot> servers = new ArrayList<>();
        if (form != LabForm.STREAMLINE) {
            for (int i = 0; i < realServers; i++) {
                String id = LabLayout.realServerId(i);
                Netns server = node(id);
                String address = "198.51.100." + (21 + i);
                lab.connect(server, "eth0", "back", address + "/25");
                lab.connect(server, "eth1", "mgmt", mgmt.cidr(4 + i));
                servers.add(new LabLayout.ServerSlot(id, address, PORT, mgmt.address(4 + i)));
            }
        }
        layout = new LabLayout(new InetSocketAddress(VIP, PORT), List.copyOf(directors), List.copyOf(servers));
    }

    // Two labs started at the same moment may pick the same free /28: the one that finds a second route
    // to it takes its link back and picks again.
    private void linkToHost() {
        for (int attempt = 1; ; attempt++) {
            mgmt = HostSubnet.pickFree(HOST_LINK_RANGES);
            hostLink = "bl" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36)
                    + ProcessHandle.current().pid() % 10_000;
            lab.connectHost("mgmt", hostLink, mgmt.cidr(1));
            long routes = Netns.run(List.of("ip", "-4", "route", "show", mgmt.toString()), null, true).stdout()
                    .lines().filter(line -> !line.isBlank()).count();
            if (routes == 1) {
                return;
            }
            Netns.run(List.of("ip", "link", "del", hostLink), null, false);
            if (attempt == 3) {
                throw new NetnsException("the host link's subnet " + mgmt + " was taken by another lab three times"
                        + " in a row; start the lab again");
            }
        }
    }

    private Netns node(String id) {
        Netns ns = lab.namespace(id);
        nodes.put(id, ns);
        return ns;
    }

    /** The namespace prefix of this lab: every namespace it made starts with it. */
    public String prefix() {
        return lab.prefix();
    }

    /** The host's end of the link to the lab (an interface in this host's own namespace). */
    public String hostLink() {
        return hostLink;
    }

    @Override
    public LabLayout layout() {
        return layout;
    }

    @Override
    public int advertIntervalMs() {
        // keepalived counts in centiseconds; 100 ms keeps a loaded laptop from failing over by accident.
        return ADVERT_MS;
    }

    @Override
    public List<String> command(String node, List<String> argv) {
        Netns ns = nodes.get(node);
        if (ns == null) {
            throw new IllegalArgumentException("no node '" + node + "' in the kernel lab " + lab.prefix());
        }
        return ns.command(argv.toArray(String[]::new));
    }

    @Override
    public Map<String, Object> agentSettings(LabLayout.DirectorSlot self, Map<String, String> peerFingerprints) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("dataPlane", "nftables");
        settings.put("dataPlaneSettings", Map.of("table", "ballast"));
        if (form == LabForm.SINGLE) {
            settings.put("failoverEngine", "single");
            return settings;
        }
        Map<String, String> failover = new LinkedHashMap<>();
        failover.put("peerTokenFile", "token");
        peerFingerprints.forEach((id, fingerprint) -> {
            if (!id.equals(self.id())) {
                failover.put("peerFingerprint." + id, fingerprint);
            }
        });
        failover.put("peerPollMillis", "200");
        failover.put("stepDownHoldMillis", "5000");
        settings.put("failoverEngine", "keepalived");
        settings.put("failoverSettings", failover);
        return settings;
    }

    @Override
    public boolean watchesPeers() {
        return form != LabForm.SINGLE;
    }

    @Override
    public String bindAddress(String address) {
        // All addresses of its namespace: the VIP's traffic arrives on one, the lab's controls on another.
        return "0.0.0.0";
    }

    /** The machine's cables go (one batch, all at once), then everything in it gets SIGKILL, keepalived too. */
    @Override
    public void crashed(String directorId) {
        Netns director = nodes.get(directorId);
        StringBuilder batch = new StringBuilder();
        DIRECTOR_LINKS.forEach(link -> batch.append("link set ").append(link).append(" down\n"));
        director.execWithInput(batch.toString(), "ip", "-batch", "-");
        Netns.killAllIn(director.name());
    }

    /**
     * As after a reboot: without the nftables rules and the VIP a dead machine would have lost (the
     * namespace kept them), cables back in; the agent then loads its table again.
     */
    @Override
    public void reviving(String directorId) {
        Netns director = nodes.get(directorId);
        director.exec("nft", "flush", "ruleset");
        if (form != LabForm.SINGLE) {
            director.exec("ip", "addr", "del", VIP + "/32", "dev", "eth0");
        }
        DIRECTOR_LINKS.forEach(link -> director.execOk("ip", "link", "set", link, "up"));
    }

    @Override
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        for (Netns ns : nodes.values()) {
            for (String pid : Netns.run(List.of("ip", "netns", "pids", ns.name()), null, false).stdout()
                    .split("\\s+")) {
                if (!pid.isBlank()) {
                    pids.add(Long.parseLong(pid.trim()));
                }
            }
        }
        lab.reaper().ifPresent(reaper -> pids.add(reaper.pid()));
        return pids;
    }

    @Override
    public String describe() {
        return "in network namespaces " + lab.prefix() + "* (nftables plane, "
                + (form == LabForm.SINGLE ? "single director" : "keepalived") + "; agents' APIs on " + mgmt
                + " through " + hostLink + ")";
    }

    @Override
    public void close() {
        lab.close();
    }
}
