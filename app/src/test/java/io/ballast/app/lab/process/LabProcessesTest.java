package io.ballast.app.lab.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LabProcessesTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void newConnectionPerRequest() {
        System.setProperty("http.keepAlive", "false");
    }

    @Test
    void realServerAnswersWithItsIdentity() throws Exception {
        try (LabRealServer server = new LabRealServer("web-1", new InetSocketAddress("127.0.0.1", 0))) {
            HttpResponse<String> response = get(server, "/");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body().strip()).isEqualTo("web-1");
            assertThat(response.headers().firstValue("X-Served-By")).hasValue("web-1");
        }
    }

    @Test
    void realServerFailsOnPurposeWhenTheLabAsksForErrors() throws Exception {
        try (LabRealServer server = new LabRealServer("web-2", new InetSocketAddress("127.0.0.1", 0))) {
            assertThat(get(server, "/_lab/errors?percent=100").statusCode()).isEqualTo(200);

            assertThat(get(server, "/").statusCode()).isEqualTo(503);
        }
    }

    @Test
    void realServerAddsTheLatencyTheLabAsksFor() throws Exception {
        try (LabRealServer server = new LabRealServer("web-3", new InetSocketAddress("127.0.0.1", 0))) {
            get(server, "/_lab/latency?ms=200");
            long started = System.nanoTime();
            get(server, "/");

            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(200);
        }
    }

    @Test
    void trafficGeneratorCountsAnswersPerServerAndTheGapWhileTheServerIsDown() throws Exception {
        List<TrafficSecond> seconds = new CopyOnWriteArrayList<>();
        InetSocketAddress address;
        try (LabRealServer server = new LabRealServer("web-1", new InetSocketAddress("127.0.0.1", 0))) {
            address = server.address();
            try (TrafficGenerator traffic = new TrafficGenerator(
                    URI.create("http://127.0.0.1:" + address.getPort() + "/"), 50, seconds::add)) {
                traffic.start();
                Thread.sleep(2_200);
                server.close();
                Thread.sleep(1_200);
                try (LabRealServer again = new LabRealServer("web-1", address)) {
                    Thread.sleep(1_300);
                }
            }
        }
        int ok = seconds.stream().mapToInt(TrafficSecond::ok).sum();
        int failed = seconds.stream().mapToInt(TrafficSecond::failed).sum();
        assertThat(ok).isGreaterThan(60);
        assertThat(failed).isGreaterThan(10);
        assertThat(seconds.get(0).byServer()).containsOnlyKeys("web-1");
        assertThat(seconds.get(seconds.size() - 1).longestGapMs()).isBetween(1_000L, 3_000L);
    }

    private HttpResponse<String> get(LabRealServer server, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + path);
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
