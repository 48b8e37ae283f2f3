package io.ballast.agent.testsupport;

import io.ballast.agent.Agent;
import io.ballast.agent.config.AgentConfigReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A real agent in this JVM on the "memory" plane, with HTTPS on a free port and a client pinned to it. */
public final class TestAgent implements AutoCloseable {

    public static final String TOKEN = "test-token-0123456789abcdef";

    public final Path stateDir;
    public final Agent agent;
    public final ManualHealthMonitor health = new ManualHealthMonitor();
    public final InMemoryDataPlane plane;
    public final HttpClient client;

    public TestAgent(Path dir, int reconcileSeconds) throws Exception {
        stateDir = dir.resolve("state");
        Path config = dir.resolve("agent.json");
        Files.writeString(config, """
                {"nodeId": "lb-test", "listenAddress": "127.0.0.1", "listenPort": 1, "stateDir": "state",
                 "dataPlane": "memory", "failoverEngine": "single", "reconcileIntervalSeconds": %d}
                """.formatted(reconcileSeconds));
        // Port 1 passes config validation; the test listens on a free port instead.
        var settings = AgentConfigReader.read(config);
        settings = new io.ballast.agent.config.AgentConfig(settings.nodeId(), settings.listenAddress(), 0,
                settings.stateDir(), settings.dataPlane(), settings.dataPlaneSettings(), settings.failoverEngine(),
                settings.failoverSettings(), settings.initialSpec(), settings.reconcileIntervalSeconds());
        agent = Agent.start(settings, config, Optional.of(TOKEN), health, line -> { });
        plane = InMemoryDataPlaneProvider.openedFor(stateDir);
        client = PinnedHttps.client(agent.fingerprint());
    }

    public URI uri(String path) {
        return URI.create("https://127.0.0.1:" + agent.port() + path);
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + TOKEN);
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> put(String path, String ifMatch, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return send(b.build());
    }

    public HttpResponse<String> patch(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    @Override
    public void close() {
        agent.close();
    }
}
