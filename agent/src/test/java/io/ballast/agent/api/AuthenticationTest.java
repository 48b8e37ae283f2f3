package io.ballast.agent.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.agent.testsupport.PinnedHttps;
import io.ballast.agent.testsupport.TestAgent;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong tokens, the slow-down after them, and certificate pinning. */
class AuthenticationTest {

    @TempDir
    Path dir;
    TestAgent agent;

    @BeforeEach
    void start() throws Exception {
        agent = new TestAgent(dir, 3600);
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    private HttpResponse<String> status(String token) throws Exception {
        return agent.send(HttpRequest.newBuilder(agent.uri("/api/v1/status"))
                .header("Authorization", "Bearer " + token).GET().build());
    }

    @Test
    void wrongTokenIs401AndTheNextAttemptMustWait() throws Exception {
        HttpResponse<String> wrong = status("not-the-token-at-all");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("authentication required").doesNotContain("token-at-all");
        HttpResponse<String> tooSoon = status(TestAgent.TOKEN);
        assertThat(tooSoon.statusCode()).isEqualTo(429);
        assertThat(tooSoon.headers().firstValue("Retry-After")).isPresent();
        Thread.sleep(400);
        assertThat(status(TestAgent.TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void eachFailedAttemptDoublesTheWait() throws Exception {
        assertThat(status("wrong-1-xxxxxxxxxxxx").statusCode()).isEqualTo(401);
        Thread.sleep(300);
        assertThat(status("wrong-2-xxxxxxxxxxxx").statusCode()).isEqualTo(401);
        Thread.sleep(300);
        // The second failure asks for 500 ms: 300 ms later is still too soon.
        assertThat(status(TestAgent.TOKEN).statusCode()).isEqualTo(429);
        Thread.sleep(300);
        assertThat(status(TestAgent.TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void aClientPinnedToAnotherCertificateCannotConnect() {
        HttpClient other = PinnedHttps.client("00:11:22:33".repeat(8));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> other.send(
                HttpRequest.newBuilder(agent.uri("/healthz")).GET().build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
    }
}
