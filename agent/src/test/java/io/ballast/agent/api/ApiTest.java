package io.ballast.agent.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ballast.agent.testsupport.Specs;
import io.ballast.agent.testsupport.TestAgent;
import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import io.ballast.model.json.SpecCodec;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTPS API end to end: a real agent on the memory plane, a client pinned to its certificate. */
class ApiTest {

    @TempDir
    static Path dir;
    static TestAgent agent;

    @BeforeAll
    static void start() throws Exception {
        agent = new TestAgent(dir, 3600);
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return SpecCodec.mapper().readTree(response.body());
    }

    static long revision() throws Exception {
        return json(agent.get("/api/v1/config")).get("revision").asLong();
    }

    static HttpResponse<String> putSpec(ClusterSpec spec) throws Exception {
        return agent.put("/api/v1/config", Long.toString(revision()), SpecCodec.write(spec));
    }

    @Test
    void healthzAnswersWithoutToken() throws Exception {
        HttpResponse<String> r = agent.send(HttpRequest.newBuilder(agent.uri("/healthz")).GET().build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("alive").asBoolean()).isTrue();
    }

    @Test
    void everyOtherEndpointRefusesARequestWithoutToken() throws Exception {
        for (String path : List.of("/api/v1/status", "/api/v1/config", "/api/v1/stats", "/api/v1/events", "/metrics")) {
            HttpResponse<String> r = agent.send(HttpRequest.newBuilder(agent.uri(path)).GET().build());
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(json(r).get("problems").get(0).get("message").asText()).isEqualTo("authentication required");
        }
    }

    @Test
    void statusNamesNodeRolePlaneRevisionAndHealth() throws Exception {
        ClusterSpec spec = Specs.cluster(1, 2, 5);
        assertThat(putSpec(spec).statusCode()).isEqualTo(200);
        agent.health.set("tcp/203.0.113.10:80", "198.51.100.1:8080", false);
        JsonNode status = json(agent.get("/api/v1/status"));
        assertThat(status.get("nodeId").asText()).isEqualTo("lb-test");
        assertThat(status.get("role").asText()).isEqualTo("MASTER");
        assertThat(status.get("plane").asText()).isEqualTo("memory");
        assertThat(status.get("labPlane").asBoolean()).isTrue();
        assertThat(status.get("failoverEngine").asText()).isEqualTo("single");
        assertThat(status.get("revision").asLong()).isEqualTo(revision());
        assertThat(status.get("specHash").asText()).isEqualTo(SpecCodec.hash(spec));
        assertThat(status.get("clusterName").asText()).isEqualTo("test");
        assertThat(status.get("form").asText()).isEqualTo("SINGLE");
        assertThat(status.get("health").get("down").asInt()).isEqualTo(1);
        assertThat(status.get("health").get("unchecked").asInt()).isEqualTo(1);
        assertThat(status.get("startedAtMillis").asLong()).isPositive();
        agent.health.set("tcp/203.0.113.10:80", "198.51.100.1:8080", true);
    }

    @Test
    void putAppliesTheSpecAndAnswersPlanAndNewRevision() throws Exception {
        long before = revision();
        ClusterSpec spec = Specs.cluster(2, 3, 7);
        HttpResponse<String> r = putSpec(spec);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("revision").asLong()).isEqualTo(before + 1);
        assertThat(body.get("applied").asBoolean()).isTrue();
        assertThat(r.headers().firstValue("ETag")).contains("\"" + (before + 1) + "\"");
        assertThat(agent.plane.readTable()).hasSize(2);
        assertThat(agent.plane.readTable().get(1).realServers()).extracting(RealServer::weight).containsOnly(7);
        JsonNode events = json(agent.get("/api/v1/events?since=0"));
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("kind").asText()).isEqualTo("spec-applied");
        assertThat(last.get("actor").asText()).startsWith("token:").doesNotContain(TestAgent.TOKEN);
        assertThat(last.get("revision").asLong()).isEqualTo(before + 1);
    }

    @Test
    void putWithoutIfMatchIsRefused428() throws Exception {
        HttpResponse<String> r = agent.put("/api/v1/config", null, SpecCodec.write(Specs.cluster(1, 1, 1)));
        assertThat(r.statusCode()).isEqualTo(428);
        assertThat(json(r).get("status").asInt()).isEqualTo(428);
        assertThat(json(r).get("problems").get(0).get("message").asText()).contains("If-Match");
    }

    @Test
    void putOnAStaleRevisionIsRefused409WithTheCurrentRevision() throws Exception {
        putSpec(Specs.cluster(1, 1, 1));
        long current = revision();
        HttpResponse<String> r = agent.put("/api/v1/config", Long.toString(current - 1), SpecCodec.write(Specs.cluster(1, 1, 9)));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json(r).get("revision").asLong()).isEqualTo(current);
        assertThat(revision()).isEqualTo(current);
    }

    @Test
    void dryRunAnswersThePlanAndChangesNothing() throws Exception {
        putSpec(Specs.cluster(1, 2, 1));
        long current = revision();
        List<VirtualService> table = agent.plane.readTable();
        HttpResponse<String> r = agent.put("/api/v1/config?dryRun=true", Long.toString(current),
                SpecCodec.write(Specs.cluster(3, 2, 4)));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("applied").asBoolean()).isFalse();
        assertThat(body.get("revision").asLong()).isEqualTo(current);
        assertThat(body.get("plan").size()).isEqualTo(4);
        assertThat(body.get("plan").toString()).contains("add service");
        assertThat(agent.plane.readTable()).isEqualTo(table);
        assertThat(revision()).isEqualTo(current);
    }

    @Test
    void malformedJsonIsRefused400WithLineAndColumn() throws Exception {
        HttpResponse<String> r = agent.put("/api/v1/config", Long.toString(revision()), "{\n  \"name\": \"x\",\n  \"form\": \n}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("problems").get(0).get("message").asText()).contains("line 4");
    }

    @Test
    void unknownFieldIsRefused400WithItsPath() throws Exception {
        String spec = SpecCodec.write(Specs.cluster(1, 1, 1)).replaceFirst("\"weight\"", "\"wieght\": 3, \"weight\"");
        HttpResponse<String> r = agent.put("/api/v1/config", Long.toString(revision()), spec);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode problem = json(r).get("problems").get(0);
        assertThat(problem.get("path").asText()).isEqualTo("/virtualServices/0/realServers/0/wieght");
        assertThat(problem.get("message").asText()).contains("unknown field 'wieght'").contains("line");
    }

    @Test
    void invalidSpecIsRefused400WithEveryProblem() throws Exception {
        ClusterSpec invalid = new ClusterSpec(1, " ", ClusterForm.SINGLE, 0, List.of(), List.of(), null);
        HttpResponse<String> r = putSpec(invalid);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("problems").findValuesAsText("path")).contains("/name", "/directors");
    }

    @Test
    void specThePlaneCannotRunIsRefusedNamingThePlane() throws Exception {
        ClusterSpec spec = Specs.cluster(1, 1, 1);
        VirtualService vs = spec.virtualServices().get(0);
        VirtualService mh = new VirtualService(vs.name(), vs.protocol(), vs.address(), vs.port(), null, null,
                Scheduler.MH, null, null, null, null, null, vs.realServers());
        long current = revision();
        HttpResponse<String> r = putSpec(spec.withVirtualServices(List.of(mh)));
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode problem = json(r).get("problems").get(0);
        assertThat(problem.get("path").asText()).isEqualTo("/virtualServices/0/scheduler");
        assertThat(problem.get("message").asText()).contains("the memory data plane").contains("'mh'");
        assertThat(revision()).isEqualTo(current);
    }

    @Test
    void bodyOver16MiBIsRefused413() throws Exception {
        String huge = "{\"name\": \"" + "x".repeat(17 * 1024 * 1024) + "\"}";
        HttpResponse<String> r = agent.put("/api/v1/config", Long.toString(revision()), huge);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(json(r).get("problems").get(0).get("message").asText()).contains("16 MiB");
    }

    @Test
    void nonJsonContentTypeIsRefused415() throws Exception {
        HttpResponse<String> r = agent.send(agent.request("/api/v1/config").header("If-Match", "0")
                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(json(r).get("status").asInt()).isEqualTo(415);
    }

    @Test
    void unknownEndpointAnswers404AsJson() throws Exception {
        HttpResponse<String> r = agent.get("/api/v1/nothing-here");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("problems").get(0).get("message").asText()).contains("/api/v1/nothing-here");
    }

    @Test
    void keptRevisionsCanBeReadBackAndPutAgainToRollBack() throws Exception {
        putSpec(Specs.cluster(1, 1, 21));
        long old = revision();
        putSpec(Specs.cluster(1, 1, 22));
        JsonNode kept = json(agent.get("/api/v1/config/revisions"));
        assertThat(kept.findValuesAsText("")).isEmpty();
        assertThat(kept.toString()).contains(Long.toString(old));
        HttpResponse<String> oldSpec = agent.get("/api/v1/config/revisions/" + old);
        assertThat(oldSpec.statusCode()).isEqualTo(200);
        HttpResponse<String> rollback = agent.put("/api/v1/config", Long.toString(revision()), oldSpec.body());
        assertThat(rollback.statusCode()).isEqualTo(200);
        assertThat(agent.plane.readTable().get(0).realServers().get(0).weight()).isEqualTo(21);
        assertThat(agent.get("/api/v1/config/revisions/999999").statusCode()).isEqualTo(404);
    }
}
