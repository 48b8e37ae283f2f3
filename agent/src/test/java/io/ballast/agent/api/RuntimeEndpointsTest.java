package io.ballast.agent.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ballast.agent.testsupport.Specs;
import io.ballast.agent.testsupport.TestAgent;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import io.ballast.model.json.SpecCodec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real-server patches, failed applies, stats, events, the SSE stream and /metrics. */
class RuntimeEndpointsTest {

    static final String VS = "tcp%2F203.0.113.10%3A80";
    static final String RS = "198.51.100.1%3A8080";

    @TempDir
    static Path dir;
    static TestAgent agent;

    @BeforeAll
    static void start() throws Exception {
        agent = new TestAgent(dir, 3600);
        HttpResponse<String> r = agent.put("/api/v1/config", "0", SpecCodec.write(Specs.cluster(1, 3, 5)));
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return SpecCodec.mapper().readTree(response.body());
    }

    static long revision() throws Exception {
        return json(agent.get("/api/v1/config")).get("revision").asLong();
    }

    static RealServer inTable(String key) {
        return agent.plane.readTable().get(0).realServers().stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
    }

    @Test
    void patchedWeightReachesThePlaneAtOnceAsOneOperationAndANewRevision() throws Exception {
        long before = revision();
        HttpResponse<String> r = agent.patch("/api/v1/virtual-services/" + VS + "/real-servers/" + RS, "{\"weight\": 11}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("plan").size()).isEqualTo(1);
        assertThat(json(r).get("revision").asLong()).isEqualTo(before + 1);
        assertThat(inTable("198.51.100.1:8080").weight()).isEqualTo(11);
        JsonNode spec = json(agent.get("/api/v1/config"));
        assertThat(spec.at("/virtualServices/0/realServers/0/weight").asInt()).isEqualTo(11);
    }

    @Test
    void drainedServerStaysWithWeightZeroAndMaintenanceTakesItOut() throws Exception {
        String path = "/api/v1/virtual-services/" + VS + "/real-servers/198.51.100.2%3A8080";
        assertThat(agent.patch(path, "{\"state\": \"DRAIN\"}").statusCode()).isEqualTo(200);
        assertThat(inTable("198.51.100.2:8080").weight()).isZero();
        assertThat(agent.patch(path, "{\"state\": \"MAINTENANCE\"}").statusCode()).isEqualTo(200);
        assertThat(inTable("198.51.100.2:8080")).isNull();
        assertThat(agent.patch(path, "{\"state\": \"ACTIVE\"}").statusCode()).isEqualTo(200);
        assertThat(inTable("198.51.100.2:8080").weight()).isEqualTo(5);
    }

    @Test
    void patchOfAnUnknownServerIs404AndWeightOutOfRangeIs400() throws Exception {
        long before = revision();
        HttpResponse<String> missing = agent.patch("/api/v1/virtual-services/" + VS + "/real-servers/192.0.2.99%3A1", "{\"weight\": 1}");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("problems").get(0).get("message").asText()).contains("192.0.2.99:1");
        HttpResponse<String> tooHeavy = agent.patch("/api/v1/virtual-services/" + VS + "/real-servers/" + RS, "{\"weight\": 70000}");
        assertThat(tooHeavy.statusCode()).isEqualTo(400);
        assertThat(json(tooHeavy).get("problems").get(0).get("path").asText()).isEqualTo("/weight");
        assertThat(revision()).isEqualTo(before);
    }

    @Test
    void failedApplyAnswersAnErrorKeepsTheRevisionAndTableAndRecordsAnEvent() throws Exception {
        long before = revision();
        List<VirtualService> table = agent.plane.readTable();
        agent.plane.failAtStep(2);
        HttpResponse<String> r = agent.put("/api/v1/config", Long.toString(before), SpecCodec.write(Specs.cluster(3, 2, 2)));
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(json(r).get("problems").get(0).get("message").asText())
                .contains("step 2").contains("revision " + before + " stays in effect");
        assertThat(revision()).isEqualTo(before);
        assertThat(agent.plane.readTable()).isEqualTo(table);
        JsonNode events = json(agent.get("/api/v1/events?since=0"));
        assertThat(events.findValuesAsText("kind")).contains("apply-failed");
    }

    @Test
    void eventsSinceAnIdAnswerOnlyNewerOnes() throws Exception {
        JsonNode all = json(agent.get("/api/v1/events?since=0"));
        long lastId = all.get(all.size() - 1).get("id").asLong();
        agent.patch("/api/v1/virtual-services/" + VS + "/real-servers/198.51.100.3%3A8080", "{\"weight\": 3}");
        JsonNode newer = json(agent.get("/api/v1/events?since=" + lastId));
        assertThat(newer.size()).isEqualTo(1);
        assertThat(newer.get(0).get("kind").asText()).isEqualTo("real-server-patched");
        assertThat(newer.get(0).get("message").asText()).contains("198.51.100.3:8080").contains("weight 3");
    }

    @Test
    void statsAnswerOneSecondPointsPerService() throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        JsonNode series;
        do {
            Thread.sleep(500);
            series = json(agent.get("/api/v1/stats?step=1000")).get("series");
        } while (pointsOf(series, "tcp/203.0.113.10:80") < 2 && System.currentTimeMillis() < deadline);
        assertThat(pointsOf(series, "tcp/203.0.113.10:80")).isGreaterThanOrEqualTo(2);
        JsonNode report = json(agent.get("/api/v1/stats?step=1000"));
        assertThat(report.get("stepMillis").asLong()).isEqualTo(1000);
        assertThat(agent.get("/api/v1/stats?from=x").statusCode()).isEqualTo(400);
    }

    private static int pointsOf(JsonNode series, String service) {
        for (JsonNode s : series) {
            if (s.get("service").asText().equals(service)) {
                return s.get("points").size();
            }
        }
        return 0;
    }

    @Test
    void streamSendsStatsEachSecondAndEventsAsTheyHappen() throws Exception {
        HttpResponse<java.util.stream.Stream<String>> r = agent.client.send(
                agent.request("/api/v1/stream").header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> lines = new ArrayList<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> r.body().takeWhile(l -> {
            synchronized (lines) {
                lines.add(l);
                return !(String.join("\n", lines).contains("event: stats") && String.join("\n", lines).contains("real-server-patched"));
            }
        }).forEach(l -> { }));
        Thread.sleep(1500);
        agent.patch("/api/v1/virtual-services/" + VS + "/real-servers/198.51.100.3%3A8080", "{\"weight\": 4}");
        reader.get(15, TimeUnit.SECONDS);
        String text;
        synchronized (lines) {
            text = String.join("\n", lines);
        }
        assertThat(text).contains("event: stats").contains("event: event").contains("real-server-patched");
        r.body().close();
    }

    @Test
    void metricsAreInPrometheusTextFormat() throws Exception {
        HttpResponse<String> r = agent.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(r.body()).contains("# TYPE ballast_spec_revision gauge")
                .contains("ballast_role{role=\"MASTER\"} 1")
                .containsPattern("ballast_spec_revision \\d+");
    }

    @Test
    void metricsCarryEveryCounterFamilyPerServiceAndPerRealServer() throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        String body = agent.get("/metrics").body();
        while (!body.contains("ballast_bytes_out_total{service=") && System.currentTimeMillis() < deadline) {
            Thread.sleep(300); // the first sample is taken within a second of start
            body = agent.get("/metrics").body();
        }
        for (String family : List.of("ballast_connections_total", "ballast_active_connections",
                "ballast_bytes_in_total", "ballast_bytes_out_total")) {
            assertThat(body).containsPattern(family + "\\{service=\"tcp/203\\.0\\.113\\.10:80\"\\} \\d+\n")
                    .containsPattern(family + "\\{service=\"tcp/203\\.0\\.113\\.10:80\",real_server=\"198\\.51\\.100\\.\\d+:\\d+\"\\} \\d+\n");
        }
    }

    @Test
    void thereIsNoPlainHttpPort() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", agent.agent.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String first = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
            assertThat(first == null ? "" : first).doesNotContain("200");
        } catch (java.io.IOException e) {
            // A TLS port resetting a plain-text request is the expected outcome too.
        }
    }
}
