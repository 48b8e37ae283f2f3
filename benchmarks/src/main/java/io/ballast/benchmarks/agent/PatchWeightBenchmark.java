package io.ballast.benchmarks.agent;

import io.ballast.agent.Agent;
import io.ballast.agent.NoHealthChecks;
import io.ballast.agent.config.AgentConfig;
import io.ballast.model.ClusterSpec;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;
import io.ballast.model.json.SpecCodec;
import io.ballast.tls.PinnedTls;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * "One weight change": PATCH of one real server's weight over the HTTPS API of an in-process agent,
 * timed to the response (plane updated and the new revision durably stored). The time from sending
 * the request to the plane's apply returning (API → plane) is collected too and printed at teardown.
 * {@code size=large} is the 2,277-service / 37,205-server target; {@code small} (10 × 10) is the
 * same-run peer that shows whether the cost is flat in config size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PatchWeightBenchmark {

    static final String TOKEN = "benchmark-token-0123456789";

    @Param({"small", "large"})
    public String size;

    private Path dir;
    private Agent agent;
    private HttpClient client;
    private URI patchUri;
    private ServiceKey service;
    private String server;
    private int weight;
    private final List<Long> apiToPlaneNanos = Collections.synchronizedList(new ArrayList<>());

    @Setup(Level.Trial)
    public void start() throws Exception {
        dir = Files.createTempDirectory("ballast-bench-agent");
        ClusterSpec spec = size.equals("large") ? AgentSpecs.large() : small();
        Files.writeString(dir.resolve("spec.json"), SpecCodec.write(spec));
        Path config = dir.resolve("agent.json");
        AgentConfig settings = new AgentConfig("bench", "127.0.0.1", 0, "state", "bench-memory", Map.of(),
                "single", Map.of(), "spec.json", 3600);
        agent = Agent.start(settings, config, Optional.of(TOKEN), new NoHealthChecks(), line -> { });
        VirtualService middle = spec.virtualServices().get(spec.virtualServices().size() / 2);
        service = middle.key();
        server = middle.realServers().get(0).key();
        patchUri = URI.create("https://127.0.0.1:" + agent.port() + "/api/v1/virtual-services/"
                + URLEncoder.encode(service.toString(), StandardCharsets.UTF_8) + "/real-servers/"
                + URLEncoder.encode(server, StandardCharsets.UTF_8));
        client = pinned(agent.fingerprint());
    }

    @Benchmark
    public int patchOneWeight() throws Exception {
        weight = weight % 100 + 1;
        long sent = System.nanoTime();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(patchUri)
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"weight\": " + weight + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("PATCH answered " + r.statusCode() + ": " + r.body());
        }
        TimedMemoryPlane plane = TimedMemoryPlaneProvider.lastOpened;
        apiToPlaneNanos.add(plane.lastAppliedNanos() - sent);
        if (plane.weightOf(service, server) != weight) {
            throw new IllegalStateException("the plane did not get weight " + weight);
        }
        return r.statusCode();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        agent.close();
        List<Long> sorted = new ArrayList<>(apiToPlaneNanos);
        Collections.sort(sorted);
        if (!sorted.isEmpty()) {
            System.out.printf("%nAPI -> plane updated (%s, %d samples): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    size, sorted.size(), pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99),
                    sorted.get(sorted.size() - 1) / 1e6);
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static double pct(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (q * sorted.size()))) / 1e6;
    }

    private static ClusterSpec small() {
        ClusterSpec large = AgentSpecs.large();
        List<VirtualService> services = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            VirtualService vs = large.virtualServices().get(i);
            services.add(vs.withRealServers(vs.realServers().subList(0, 10)));
        }
        return large.withVirtualServices(services);
    }

    private static HttpClient pinned(String fingerprint) {
        return PinnedTls.httpClient(fingerprint, Duration.ofSeconds(5));
    }
}
