package io.ballast.agent.testsupport.netns;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Network namespaces for one test run, always cleaned up: {@link #close()}, a shutdown hook, and a
 * reaper that removes namespaces left by earlier runs of this harness whose process is gone.
 *
 * <p>Names are {@code bln-<pid>-<random>-<role>}: the pid lets the reaper tell a crashed run from a
 * live one (another developer's tests run at the same time), the random part keeps two labs of one
 * process apart. Bridges live in a private "switch" namespace, so the host's own network is never touched.
 *
 * <pre>{@code
 * try (NetnsLab lab = NetnsLab.create()) {
 *     Netns client = lab.namespace("client");
 *     Netns director = lab.namespace("dir");
 *     lab.connect(client, "eth0", "front", "203.0.113.2/24");
 *     lab.connect(director, "eth0", "front", "203.0.113.1/24");
 *     client.execOk("ping", "-c1", "203.0.113.1");
 * }
 * }</pre>
 */
public final class NetnsLab implements AutoCloseable {

    static final String FAMILY = "bln-";

    private final String prefix;
    private final Netns switchNs;
    private final List<Netns> namespaces = Collections.synchronizedList(new ArrayList<>());
    private final List<String> bridges = new ArrayList<>();
    private final Thread shutdownHook;
    private final Path scripts;
    private int links;
    private boolean closed;

    private NetnsLab() throws IOException {
        reapStale();
        String random = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36);
        prefix = FAMILY + ProcessHandle.current().pid() + "-" + random + "-";
        scripts = Files.createTempDirectory(prefix + "scripts");
        copyScript("identity_server.py");
        copyScript("lab_client.py");
        copyScript("outage_probe.py");
        shutdownHook = new Thread(this::close, prefix + "cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        switchNs = namespace("sw");
    }

    public static NetnsLab create() {
        try {
            return new NetnsLab();
        } catch (IOException e) {
            throw new IllegalStateException("could not prepare the namespace lab: " + e.getMessage(), e);
        }
    }

    public String prefix() {
        return prefix;
    }

    /** A new namespace named prefix+role, with lo up. */
    public Netns namespace(String role) {
        String name = prefix + role;
        Netns.run(List.of("ip", "netns", "add", name), null, true);
        Netns ns = new Netns(name, this);
        namespaces.add(ns);
        ns.execOk("ip", "link", "set", "lo", "up");
        return ns;
    }

    /**
     * Connects {@code ns} to the bridge {@code bridge} (made on first use) through a veth pair whose
     * inner end is {@code ifname}, brings it up and gives it the addresses (IPv6 without DAD delay).
     */
    public synchronized void connect(Netns ns, String ifname, String bridge, String... addresses) {
        if (!bridges.contains(bridge)) {
            switchNs.execOk("ip", "link", "add", bridge, "type", "bridge");
            switchNs.execOk("ip", "link", "set", bridge, "up");
            bridges.add(bridge);
        }
        String outer = "v" + (++links);
        String temp = "t" + ProcessHandle.current().pid() % 100000 + "x" + links;
        switchNs.execOk("ip", "link", "add", outer, "type", "veth", "peer", "name", temp, "netns", ns.name());
        switchNs.execOk("ip", "link", "set", outer, "master", bridge, "up");
        ns.execOk("ip", "link", "set", temp, "name", ifname);
        ns.execOk("ip", "link", "set", ifname, "up");
        for (String address : addresses) {
            ns.addAddress(ifname, address);
        }
    }

    Path script(String name) {
        return scripts.resolve(name);
    }

    /** Deletes every namespace this lab made (killing what runs in them) and its scripts. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Netns> all = new ArrayList<>(namespaces);
        Collections.reverse(all);
        for (Netns ns : all) {
            ns.destroy();
        }
        try (var files = Files.list(scripts)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(scripts);
        } catch (IOException e) {
            // A leftover temp file is harmless; the namespaces were what mattered.
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is what called us.
        }
    }

    /** Removes namespaces of this harness whose creating process no longer runs. */
    static void reapStale() {
        Netns.Result list = Netns.run(List.of("ip", "netns", "list"), null, false);
        for (String line : list.stdout().split("\n")) {
            String name = line.trim().split(" ")[0];
            if (!name.startsWith(FAMILY)) {
                continue;
            }
            String[] parts = name.split("-");
            long pid;
            try {
                pid = Long.parseLong(parts[1]);
            } catch (RuntimeException e) {
                continue;
            }
            if (ProcessHandle.of(pid).isEmpty()) {
                Netns.killAllIn(name);
                Netns.run(List.of("ip", "netns", "del", name), null, false);
            }
        }
    }

    private void copyScript(String name) throws IOException {
        try (InputStream in = NetnsLab.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("test resource " + name + " is missing");
            }
            Files.writeString(scripts.resolve(name), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
