package io.ballast.agent.failover.peer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ballast.model.api.AgentStatus;
import io.ballast.model.json.SpecCodec;
import io.ballast.tls.PinnedTls;
import io.ballast.tls.PinnedTrust;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads one peer's {@code GET /api/v1/status} over HTTPS, pinned to its certificate, with the shared token. */
public final class PeerClient {

    private static final ObjectMapper JSON = SpecCodec.mapper().copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final HttpClient http;
    private final URI status;
    private final String token;

    public PeerClient(String endpoint, String fingerprint, String token) {
        this.http = HttpClient.newBuilder()
                .sslContext(PinnedTls.context(new PinnedTrust(fingerprint, "the peer director")))
                .connectTimeout(Duration.ofMillis(500)).build();
        String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        this.status = URI.create(base + "/api/v1/status");
        this.token = token;
    }

    /** The peer's status, or an exception whose message says why it could not be read. */
    public AgentStatus status(Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(status).timeout(timeout)
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(status + " answered HTTP " + response.statusCode());
        }
        return JSON.readValue(response.body(), AgentStatus.class);
    }
}
