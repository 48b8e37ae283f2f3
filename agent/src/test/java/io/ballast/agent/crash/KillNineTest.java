package io.ballast.agent.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.agent.reconcile.TargetTable;
import io.ballast.agent.testsupport.InMemoryDataPlane;
import io.ballast.agent.testsupport.PinnedHttps;
import io.ballast.agent.testsupport.Specs;
import io.ballast.model.ClusterSpec;
import io.ballast.model.api.Role;
import io.ballast.model.json.SpecCodec;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the agent as a real process, PUTs specs in a loop and kills it with SIGKILL at random
 * moments — during startup and while changes are in flight — at least {@value #KILLS} times. After
 * each restart the agent must serve the last acknowledged spec or the one in flight (never a torn or
 * older one), and the plane's table (kept in a file, as a kernel keeps its table) must equal it.
 */
class KillNineTest {

    static final int KILLS = Integer.getInteger("killnine.kills", 100);
    static final int STARTUP_KILLS_PER_ROUND = 2;
    static final String TOKEN = "crash-test-token-0123456789";
    static final Duration BUDGET = Duration.ofMinutes(Long.getLong("killnine.budgetMinutes", 12));
    static final List<String> FAST_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx192m",
            "-Xss512k", "-XX:CICompilerCount=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

    @TempDir
    Path dir;

    final Map<Long, ClusterSpec> sent = new HashMap<>();
    final AtomicLong acked = new AtomicLong();
    final AtomicReference<Long> pending = new AtomicReference<>();
    final List<String> log = new ArrayList<>();
    int sequence;

    @Test
    void afterKillNineAtAnyMomentTheAgentServesTheOldOrTheNewSpecAndTheTableEqualsIt() throws Exception {
        long seed = Long.getLong("killnine.seed", System.nanoTime());
        Random random = new Random(seed);
        log.add("seed " + seed);
        Path config = writeConfig();
        Path tokenFile = Files.writeString(dir.resolve("token"), TOKEN);
        long started = System.nanoTime();
        long readyMillis = 0;
        int kills = 0;
        int iteration = 0;
        try {
            while (kills < KILLS) {
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time budget; log:\n" + String.join("\n", log))
                        .isLessThan(BUDGET);
                iteration++;
                // Kills while starting are cheap and hit the startup converge and the token/key files.
                for (int k = 0; k < STARTUP_KILLS_PER_ROUND && readyMillis > 0 && kills < KILLS; k++) {
                    int offset = random.nextInt((int) readyMillis);
                    try (AgentProcess early = AgentProcess.start(config, null, FAST_JVM)) {
                        Thread.sleep(offset);
                        early.kill();
                    }
                    kills++;
                    log.add("kill " + kills + ": during startup at +" + offset + " ms of ~" + readyMillis);
                }
                long t0 = System.nanoTime();
                try (AgentProcess agent = AgentProcess.start(config, iteration == 1 ? tokenFile : null, FAST_JVM)) {
                    String fingerprint = agent.awaitReady(180);
                    readyMillis = (System.nanoTime() - t0) / 1_000_000;
                    HttpClient client = PinnedHttps.client(fingerprint);
                    URI base = URI.create("https://127.0.0.1:" + port + "/api/v1/config");
                    checkServedSpecAndTable(client, base, iteration);
                    int offset = random.nextInt(400);
                    Thread loop = new Thread(() -> putLoop(client, base), "put-loop");
                    loop.start();
                    Thread.sleep(offset);
                    agent.kill();
                    loop.join(30_000);
                    kills++;
                    log.add("kill " + kills + ": +" + offset + " ms into the PUT loop; acked " + acked.get()
                            + ", in flight " + pending.get() + " (ready after " + readyMillis + " ms)");
                }
            }
            try (AgentProcess agent = AgentProcess.start(config, null, FAST_JVM)) {
                checkServedSpecAndTable(PinnedHttps.client(agent.awaitReady(180)),
                        URI.create("https://127.0.0.1:" + port + "/api/v1/config"), iteration + 1);
            }
        } finally {
            log.add(kills + " kills in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
            System.out.println(String.join("\n", log));
        }
        assertThat(kills).isGreaterThanOrEqualTo(KILLS);
    }

    int port;

    private Path writeConfig() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        return Files.writeString(dir.resolve("agent.json"), """
                {"nodeId": "crash", "listenAddress": "127.0.0.1", "listenPort": %d, "stateDir": "state",
                 "dataPlane": "memory", "dataPlaneSettings": {"tableFile": "%s"},
                 "failoverEngine": "single", "reconcileIntervalSeconds": 60}
                """.formatted(port, dir.resolve("table.json")));
    }

    private void checkServedSpecAndTable(HttpClient client, URI base, int iteration) throws Exception {
        HttpResponse<String> r = client.send(request(base).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        ClusterSpec served = SpecCodec.read(r.body());
        long revision = served.revision();
        Long inFlight = pending.get();
        assertThat(revision).as("iteration %d: acked %d, in flight %s", iteration, acked.get(), inFlight)
                .isIn(acked.get(), inFlight == null ? acked.get() : inFlight);
        if (revision > 0) {
            assertThat(SpecCodec.hash(served)).as("content of revision " + revision).isEqualTo(SpecCodec.hash(sent.get(revision)));
        }
        acked.set(revision);
        pending.set(null);
        Path table = dir.resolve("table.json");
        List<?> expected = TargetTable.of(served, Map.of(), Role.MASTER);
        List<?> actual = Files.exists(table) ? InMemoryDataPlane.readTableFile(table) : List.of();
        assertThat(actual).as("table after restart, revision " + revision).isEqualTo(expected);
    }

    private void putLoop(HttpClient client, URI base) {
        try {
            while (true) {
                long next = acked.get() + 1;
                sequence++;
                ClusterSpec spec = Specs.cluster(1 + sequence % 3, 1 + sequence % 4, 1 + sequence % 50);
                synchronized (sent) {
                    sent.put(next, spec.withRevision(next));
                }
                pending.set(next);
                HttpResponse<String> r = client.send(request(base).header("If-Match", Long.toString(acked.get()))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(SpecCodec.write(spec))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new AssertionError("PUT refused: " + r.body());
                }
                acked.set(next);
                pending.set(null);
            }
        } catch (IOException e) {
            // The agent was killed mid-request: the request stays "in flight".
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + TOKEN);
    }
}
