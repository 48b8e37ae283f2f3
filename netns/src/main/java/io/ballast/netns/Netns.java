package io.ballast.netns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One network namespace of a {@link NetnsLab}: run commands in it, start servers and clients. A command
 * that must succeed and does not throws {@link NetnsException} with its stderr.
 */
public final class Netns {

    /** A finished command. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final NetnsLab lab;
    private final List<Process> processes = new ArrayList<>();

    Netns(String name, NetnsLab lab) {
        this.name = name;
        this.lab = lab;
    }

    public String name() {
        return name;
    }

    /** Runs argv inside the namespace and waits (60 s at most). */
    public Result exec(String... argv) {
        return run(inside(List.of(argv)), null, false);
    }

    /** Like {@link #exec} but throws {@link NetnsException} with the command's stderr unless it exits 0. */
    public Result execOk(String... argv) {
        return run(inside(List.of(argv)), null, true);
    }

    /** Runs with the given stdin. */
    public Result execWithInput(String stdin, String... argv) {
        return run(inside(List.of(argv)), stdin, false);
    }

    public void addAddress(String ifname, String cidr) {
        if (cidr.contains(":")) {
            execOk("ip", "-6", "addr", "add", cidr, "dev", ifname, "nodad");
        } else {
            execOk("ip", "addr", "add", cidr, "dev", ifname);
        }
    }

    public void defaultRoute(String via) {
        execOk("ip", via.contains(":") ? "-6" : "-4", "route", "add", "default", "via", via);
    }

    /** Starts a long-running process inside; it is killed when the lab closes. Output goes to a temp file. */
    public synchronized Process spawn(String... argv) {
        try {
            Path log = Files.createTempFile(name + "-", ".log");
            log.toFile().deleteOnExit();
            Process process = new ProcessBuilder(inside(List.of(argv))).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            processes.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a process whose stdin/stdout the test drives (killed when the lab closes). */
    public synchronized Process spawnInteractive(String... argv) {
        try {
            Process process = new ProcessBuilder(inside(List.of(argv))).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            processes.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TCP or UDP server on {@code port} (all addresses, v4 and v6) that answers with {@code identity}. */
    public void startIdentityServer(String protocol, int port, String identity) {
        spawn(NetnsLab.python(), lab.script("identity_server.py").toString(), NetnsLab.lower(protocol),
                String.valueOf(port), identity);
        awaitListening(protocol, port, Duration.ofSeconds(10));
    }

    /** busybox httpd on {@code port} serving an index.html that holds {@code identity} (for wrk). */
    public void startHttpServer(int port, String identity) {
        try {
            Path home = Files.createTempDirectory(name + "-www");
            home.toFile().deleteOnExit();
            Path index = home.resolve("index.html");
            Files.writeString(index, identity + "\n");
            index.toFile().deleteOnExit();
            spawn("busybox", "httpd", "-f", "-p", String.valueOf(port), "-h", home.toString());
            awaitListening("tcp", port, Duration.ofSeconds(10));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until something listens on the port in this namespace. */
    public void awaitListening(String protocol, int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String flag = NetnsLab.lower(protocol).equals("udp") ? "-lun" : "-ltn";
        while (System.nanoTime() < deadline) {
            String out = exec("ss", flag).stdout();
            if (out.contains(":" + port + " ")) {
                return;
            }
            NetnsLab.sleep(50);
        }
        throw new NetnsException("nothing listens on " + protocol + " port " + port + " in " + name + " after "
                + timeout.toMillis() + " ms");
    }

    /** Opens {@code n} new connections (or datagrams from new sockets) and counts the identities that answered. */
    public Map<String, Integer> countReplies(String protocol, String host, int port, int n) {
        Result result = execOk(NetnsLab.python(), lab.script("lab_client.py").toString(), "count",
                NetnsLab.lower(protocol), host, String.valueOf(port), String.valueOf(n));
        return tally(result.stdout());
    }

    /** Connects in a loop for at most {@code seconds} and {@code max} attempts; counts "ok", "refused", "error:…". */
    public Map<String, Integer> hammer(String host, int port, double seconds, int max) {
        Result result = execOk(NetnsLab.python(), lab.script("lab_client.py").toString(), "hammer", "tcp",
                host, String.valueOf(port), String.valueOf(seconds), String.valueOf(max));
        return tally(result.stdout());
    }

    /** Starts {@link #hammer} in the background; read its tally with {@link #tallyOf(Process, Duration)}. */
    public Process hammerInBackground(String host, int port, double seconds, int max) {
        return spawnInteractive(NetnsLab.python(), lab.script("lab_client.py").toString(), "hammer", "tcp",
                host, String.valueOf(port), String.valueOf(seconds), String.valueOf(max));
    }

    public static Map<String, Integer> tallyOf(Process process, Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new NetnsException("client did not finish within " + timeout);
            }
            return tally(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetnsException("interrupted while waiting for a client");
        }
    }

    /** One TCP connection held open; ask it which server answers, as often as needed. */
    public HeldConnection hold(String host, int port) {
        Process process = spawnInteractive(NetnsLab.python(), lab.script("lab_client.py").toString(), "hold", "tcp",
                host, String.valueOf(port));
        return new HeldConnection(process);
    }

    /** A connection opened by {@link #hold}: the first reply is read at once. */
    public static final class HeldConnection implements AutoCloseable {
        private final Process process;
        private final java.io.BufferedReader replies;
        private final String first;

        HeldConnection(Process process) {
            this.process = process;
            this.replies = process.inputReader(StandardCharsets.UTF_8);
            this.first = readReply();
        }

        /** The server that answered when the connection opened. */
        public String server() {
            return first;
        }

        /** Sends a line on the same connection and returns who answered ("error:…" if it broke). */
        public String ask() {
            try {
                OutputStream in = process.getOutputStream();
                in.write("again\n".getBytes(StandardCharsets.UTF_8));
                in.flush();
            } catch (IOException e) {
                return "error:" + e.getClass().getSimpleName();
            }
            return readReply();
        }

        private String readReply() {
            CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
                try {
                    return replies.readLine();
                } catch (IOException e) {
                    return null;
                }
            });
            try {
                String text = line.get(10, TimeUnit.SECONDS);
                if (text == null) {
                    return "error:closed";
                }
                return JSON.readTree(text).path("reply").asText();
            } catch (Exception e) {
                return "error:" + e.getClass().getSimpleName();
            }
        }

        @Override
        public void close() {
            process.destroy();
        }
    }

    private static Map<String, Integer> tally(String json) {
        try {
            Map<String, Integer> counts = new TreeMap<>();
            JsonNode node = JSON.readTree(json);
            node.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
            return counts;
        } catch (IOException e) {
            throw new NetnsException("client printed no tally: " + json, e);
        }
    }

    /** Kills this namespace's processes and deletes it. */
    synchronized void destroy() {
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        for (Process process : processes) {
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Commands.delete(name);
    }

    /** Kills whatever still runs in a namespace (daemons a test started by hand, e.g. conntrackd). */
    public static void killAllIn(String namespace) {
        Commands.killAllIn(namespace);
    }

    /** The argv that runs {@code argv} inside this namespace ({@code ip netns exec NAME …}), for callers that start it themselves. */
    public List<String> command(String... argv) {
        return inside(List.of(argv));
    }

    private List<String> inside(List<String> argv) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(argv);
        return full;
    }

    /** Runs argv (in the namespace this process is in) and waits, 60 s at most. */
    public static Result run(List<String> argv, String stdin, boolean mustSucceed) {
        return Commands.run(argv, stdin, mustSucceed);
    }
}
