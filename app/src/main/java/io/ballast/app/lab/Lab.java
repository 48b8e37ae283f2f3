package io.ballast.app.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ballast.app.connection.AgentEndpoint;
import io.ballast.app.lab.process.LabRealServer;
import io.ballast.app.lab.process.LabTraffic;
import io.ballast.app.lab.process.TrafficSecond;
import io.ballast.model.ClusterSpec;
import io.ballast.model.json.SpecCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole cluster on this machine, as separate processes: director agents, real servers and a traffic
 * generator, placed and wired by a {@link LabHost} (loopback, or network namespaces). Closing the lab
 * stops every process it started, lets the host remove what it made, and removes its directory.
 */
public final class Lab implements AutoCloseable {

    private static final Pattern LISTENING =
            Pattern.compile("listening on (https://\\S+) \\(certificate SHA-256 ([0-9A-Fa-f:]+)\\)");
    private static final long START_TIMEOUT_SECONDS = 60;

    private final LabForm form;
    private final LabHost host;
    private final LabLayout layout;
    private final ClusterSpec spec;
    private final Path dir;
    private final String token;
    private final Map<String, LabProcess> directors = new LinkedHashMap<>();
    private final Map<String, AgentEndpoint> endpoints = new LinkedHashMap<>();
    private final Map<String, LabProcess> realServers = new LinkedHashMap<>();
    private final List<Consumer<TrafficSecond>> trafficListeners = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private LabProcess traffic;

    private Lab(LabForm form, LabHost host) throws IOException {
        this.form = form;
        this.host = host;
        this.layout = host.layout();
        this.spec = LabSpecs.of(form, layout, host.advertIntervalMs());
        this.dir = Files.createTempDirectory("ballast-lab-");
        this.token = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
    }

    /** Starts every process of the preset on loopback; on any failure stops what was started and throws. */
    public static Lab start(LabForm form, int realServerCount, int requestsPerSecond) throws IOException {
        return start(form, new LoopbackHost(form, realServerCount), requestsPerSecond);
    }

    /**
     * Starts every process of the preset on {@code host}, which the lab owns from now on: on any failure
     * it stops what was started, closes the host and throws.
     */
    public static Lab start(LabForm form, LabHost host, int requestsPerSecond) throws IOException {
        Lab lab;
        try {
            lab = new Lab(form, host);
        } catch (IOException | RuntimeException e) {
            host.close();
            throw e;
        }
        try {
            lab.boot(requestsPerSecond);
            return lab;
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    private void boot(int requestsPerSecond) throws IOException {
        Files.writeString(dir.resolve("spec.json"), SpecCodec.write(spec));
        Path tokenFile = Files.writeString(dir.resolve("token"), token);
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
        for (LabLayout.ServerSlot server : layout.realServers()) {
            startRealServer(server.id(), server.address(), server.port());
        }
        Map<String, String> fingerprints = Map.of();
        if (host.watchesPeers()) {
            for (LabLayout.DirectorSlot director : layout.directors()) {
                writeAgentConfig(director, Map.of());
            }
            fingerprints = AgentFingerprints.of(layout.directors().stream().map(d -> configOf(d.id())).toList(),
                    layout.directors().stream().map(LabLayout.DirectorSlot::id).toList());
        }
        for (LabLayout.DirectorSlot director : layout.directors()) {
            if (form == LabForm.STREAMLINE) {
                startRealServer(director.id(), director.address(), director.servicePort());
            }
            writeAgentConfig(director, fingerprints);
            startDirector(director.id());
        }
        URI vip = URI.create("http://" + layout.vip().getHostString() + ":" + layout.vip().getPort() + "/");
        traffic = new LabProcess("traffic", host.command(LabHost.CLIENT, List.of(LabPaths.java(), "-Xmx128m", "-cp",
                LabPaths.classPath(), LabTraffic.class.getName(), vip.toString(), Integer.toString(requestsPerSecond))),
                dir.resolve("traffic.log"));
        traffic.start(line -> line.startsWith("{"), this::trafficLine, START_TIMEOUT_SECONDS);
    }

    private void trafficLine(String line) {
        if (!line.startsWith("{")) {
            return;
        }
        try {
            TrafficSecond second = json.readValue(line, TrafficSecond.class);
            trafficListeners.forEach(l -> l.accept(second));
        } catch (IOException e) {
            // A partial line from a killed generator: nothing to report.
        }
    }

    private void writeAgentConfig(LabLayout.DirectorSlot self, Map<String, String> fingerprints) throws IOException {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("nodeId", self.id());
        config.put("listenAddress", self.apiAddress());
        config.put("listenPort", self.apiPort());
        config.put("stateDir", "state-" + self.id());
        config.putAll(host.agentSettings(self, fingerprints));
        config.put("initialSpec", "spec.json");
        config.put("reconcileIntervalSeconds", 2);
        Files.writeString(configOf(self.id()), json.writerWithDefaultPrettyPrinter().writeValueAsString(config));
    }

    private Path configOf(String directorId) {
        return dir.resolve("agent-" + directorId + ".json");
    }

    /** Starts (or restarts) a director's agent and waits until its API listens. */
    public void startDirector(String id) throws IOException {
        LabProcess agent = new LabProcess(id, host.command(id, List.of(LabPaths.java(), "-Xmx256m",
                "-Djdk.httpclient.allowRestrictedHeaders=host,connection", "-jar",
                LabPaths.agentJar().toString(), "--config", configOf(id).toString(),
                "--token-file", dir.resolve("token").toString(), "--exit-with-parent")),
                dir.resolve(id + ".log"));
        String line = agent.start(l -> LISTENING.matcher(l).find(), l -> { }, START_TIMEOUT_SECONDS);
        Matcher m = LISTENING.matcher(line);
        if (!m.find()) {
            throw new IOException("agent " + id + " printed an unexpected start line: " + line);
        }
        directors.put(id, agent);
        endpoints.put(id, AgentEndpoint.of(m.group(1), token, m.group(2)));
    }

    /** SIGKILL of a director's agent: what a crash looks like to its peer and its clients. */
    public void killDirector(String id) {
        LabProcess agent = directors.get(id);
        if (agent != null) {
            agent.kill();
        }
        if (form == LabForm.STREAMLINE && realServers.containsKey(id)) {
            // A streamline node is director and real server at once: the whole node goes down.
            realServers.get(id).kill();
        }
        host.crashed(id);
    }

    /** Brings a killed director back (and, in streamline, its real server). */
    public void restartDirector(String id) throws IOException {
        host.reviving(id);
        if (form == LabForm.STREAMLINE) {
            LabLayout.DirectorSlot slot = layout.directors().stream().filter(d -> d.id().equals(id)).findFirst()
                    .orElseThrow();
            startRealServer(id, slot.address(), slot.servicePort());
        }
        startDirector(id);
    }

    public void stopRealServer(String id) {
        LabProcess server = realServers.get(id);
        if (server != null) {
            server.kill();
        }
    }

    public void startRealServer(String id) throws IOException {
        String[] endpoint = realServerAddress(id, false).split(":");
        startRealServer(id, endpoint[0], Integer.parseInt(endpoint[1]));
    }

    private void startRealServer(String id, String address, int port) throws IOException {
        LabProcess server = new LabProcess("real-server-" + id, host.command(id, List.of(LabPaths.java(), "-Xmx64m",
                "-cp", LabPaths.classPath(), LabRealServer.class.getName(), id, host.bindAddress(address),
                Integer.toString(port))), dir.resolve("real-server-" + id + ".log"));
        server.start(l -> l.startsWith("ready "), l -> { }, START_TIMEOUT_SECONDS);
        realServers.put(id, server);
    }

    /** Adds latency (ms) or errors (percent) to one real server's answers. */
    public void degradeRealServer(String id, int latencyMs, int errorPercent) throws IOException {
        String address = realServerAddress(id, true);
        HttpClient http = HttpClient.newHttpClient();
        try {
            for (String path : List.of("/_lab/latency?ms=" + latencyMs, "/_lab/errors?percent=" + errorPercent)) {
                http.send(HttpRequest.newBuilder(URI.create("http://" + address + path)).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while changing real server " + id, e);
        }
    }

    // Where the VIP sends clients to it, or (control) where this process reaches its /_lab/ controls.
    private String realServerAddress(String id, boolean control) {
        for (LabLayout.ServerSlot slot : layout.realServers()) {
            if (slot.id().equals(id)) {
                return (control ? slot.controlAddress() : slot.address()) + ":" + slot.port();
            }
        }
        for (LabLayout.DirectorSlot slot : layout.directors()) {
            if (slot.id().equals(id) && slot.servicePort() > 0) {
                return (control ? slot.apiAddress() : slot.address()) + ":" + slot.servicePort();
            }
        }
        throw new IllegalArgumentException("no real server '" + id + "' in this lab");
    }

    public void setTrafficRate(int requestsPerSecond) {
        traffic.tell("rate " + requestsPerSecond);
    }

    public void onTraffic(Consumer<TrafficSecond> listener) {
        trafficListeners.add(listener);
    }

    /** Ids of the real servers the operator can stop and start (in streamline, the nodes themselves). */
    public List<String> realServerIds() {
        List<String> ids = new ArrayList<>();
        layout.realServers().forEach(s -> ids.add(s.id()));
        if (form == LabForm.STREAMLINE) {
            layout.directors().forEach(d -> ids.add(d.id()));
        }
        return ids;
    }

    public LabForm form() {
        return form;
    }

    public ClusterSpec spec() {
        return spec;
    }

    /** How to reach each director's agent (address, token, pinned fingerprint), in spec order. */
    public Map<String, AgentEndpoint> endpoints() {
        return Map.copyOf(endpoints);
    }

    public boolean isDirectorRunning(String id) {
        LabProcess agent = directors.get(id);
        return agent != null && agent.isAlive();
    }

    /** Process ids of everything the lab started and that still runs (and what its host runs for it). */
    public List<Long> livePids() {
        List<Long> pids = new ArrayList<>();
        for (LabProcess p : allProcesses()) {
            if (p.isAlive()) {
                pids.add(p.pid());
            }
        }
        for (long pid : host.pids()) {
            if (!pids.contains(pid)) {
                pids.add(pid);
            }
        }
        return pids;
    }

    /** Where the lab runs, in words ("on loopback", "in network namespaces …"). */
    public String where() {
        return host.describe();
    }

    public Path directory() {
        return dir;
    }

    private List<LabProcess> allProcesses() {
        List<LabProcess> all = new ArrayList<>(directors.values());
        all.addAll(realServers.values());
        if (traffic != null) {
            all.add(traffic);
        }
        return all;
    }

    @Override
    public void close() {
        allProcesses().forEach(LabProcess::close);
        host.close();
        deleteRecursively(dir);
    }

    private static void deleteRecursively(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("lab: could not remove " + root + ": " + e.getMessage());
        }
    }
}
