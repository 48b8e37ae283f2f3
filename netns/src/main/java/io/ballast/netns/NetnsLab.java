package io.ballast.netns;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Network namespaces for one run (a test, a lab), always cleaned up: {@link #close()}, a shutdown hook,
 * a reaper that removes namespaces left by earlier runs whose process is gone, and, on request, a reaper
 * process ({@link #reapWhenOwnerDies}) that cleans up at once when this process is killed.
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

    /** Every namespace this class makes starts with this. */
    public static final String FAMILY = "bln-";
    static final String SWITCH = "sw";

    private final String prefix;
    private final Netns switchNs;
    private final List<Netns> namespaces = Collections.synchronizedList(new ArrayList<>());
    private final List<String> bridges = new ArrayList<>();
    private final List<String> hostLinks = new ArrayList<>();
    private final Thread shutdownHook;
    private final Path scripts;
    private int links;
    private boolean closed;
    private Process reaper;

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
        switchNs = namespace(SWITCH);
    }

    public static NetnsLab create() {
        try {
            return new NetnsLab();
        } catch (IOException e) {
            throw new NetnsException("could not prepare the namespace lab: " + e.getMessage(), e);
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
        bridge(bridge);
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

    /**
     * Connects this host's own (root) namespace to the bridge {@code bridge} through a veth pair whose
     * host end is {@code hostIfname} (at most 15 characters, unique on the host), up, with the addresses.
     * The pair goes away with the lab's switch namespace, so closing the lab (or the reaper) removes it.
     */
    public synchronized void connectHost(String bridge, String hostIfname, String... addresses) {
        bridge(bridge);
        String temp = "h" + ProcessHandle.current().pid() % 100000 + "x" + (++links);
        Netns.run(List.of("ip", "link", "add", hostIfname, "type", "veth", "peer", "name", temp, "netns",
                switchNs.name()), null, true);
        switchNs.execOk("ip", "link", "set", temp, "master", bridge, "up");
        hostLinks.add(hostIfname);
        Netns.run(List.of("ip", "link", "set", hostIfname, "up"), null, true);
        for (String address : addresses) {
            Netns.run(List.of("ip", "addr", "add", address, "dev", hostIfname), null, true);
        }
    }

    private void bridge(String bridge) {
        if (!bridges.contains(bridge)) {
            switchNs.execOk("ip", "link", "add", bridge, "type", "bridge");
            switchNs.execOk("ip", "link", "set", bridge, "up");
            bridges.add(bridge);
        }
    }

    /**
     * Starts a {@link NetnsReaper} process (with {@code java} and the class path holding this class) that
     * removes this lab's namespaces as soon as this process ends, even by SIGKILL, when no shutdown hook
     * runs. It is stopped by {@link #close()}. It runs in a session of its own, so a Ctrl-C in the
     * terminal that stops this process does not stop the reaper too.
     */
    public synchronized void reapWhenOwnerDies(String java, String classPath) {
        if (reaper != null || closed) {
            return;
        }
        List<String> argv = new ArrayList<>();
        if (HostTools.onPath("setsid")) {
            argv.add("setsid");
        }
        argv.addAll(List.of(java, "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                NetnsReaper.class.getName(), Long.toString(ProcessHandle.current().pid()), prefix));
        try {
            // Only stdout carries the handshake: the JVM may say things on stderr (JAVA_TOOL_OPTIONS…).
            reaper = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String first = new java.io.BufferedReader(new java.io.InputStreamReader(reaper.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            if (!"reaper ready".equals(first)) {
                reaper.destroyForcibly();
                throw new NetnsException("the namespace reaper did not start (it said: " + first + ")");
            }
        } catch (IOException e) {
            throw new NetnsException("the namespace reaper could not be started: " + e.getMessage(), e);
        }
    }

    /** Whether a reaper process watches this lab (see {@link #reapWhenOwnerDies}). */
    public synchronized Optional<ProcessHandle> reaper() {
        return reaper == null ? Optional.empty() : Optional.of(reaper.toHandle());
    }

    /** The copy of a helper script ({@code identity_server.py}, {@code lab_client.py}, {@code outage_probe.py}). */
    public Path script(String name) {
        return scripts.resolve(name);
    }

    /** Deletes every namespace this lab made (killing what runs in them) and its scripts. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // The kernel removes a pair with its namespace, but later; deleted here, it is gone when close() returns.
        for (String link : hostLinks) {
            Netns.run(List.of("ip", "link", "del", link), null, false);
        }
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
        if (reaper != null) {
            reaper.destroyForcibly();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is what called us.
        }
    }

    /** Removes namespaces of this family whose creating process no longer runs. */
    public static void reapStale() {
        for (String name : Commands.namespacesStartingWith(FAMILY)) {
            String[] parts = name.split("-");
            long pid;
            try {
                pid = Long.parseLong(parts[1]);
            } catch (RuntimeException e) {
                continue;
            }
            if (ProcessHandle.of(pid).isEmpty()) {
                Commands.delete(name);
            }
        }
    }

    private void copyScript(String name) throws IOException {
        try (InputStream in = NetnsLab.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("resource " + name + " is missing from the netns module");
            }
            Files.writeString(scripts.resolve(name), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The python3 that runs the helper scripts. */
    public static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    /** Sleeps, keeping the interrupt flag if interrupted. */
    public static void sleep(long millis) {
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
