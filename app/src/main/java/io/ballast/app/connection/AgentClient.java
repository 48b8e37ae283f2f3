package io.ballast.app.connection;

import io.ballast.model.ClusterSpec;
import io.ballast.model.ServiceKey;
import io.ballast.model.api.ApiError;
import io.ballast.model.api.ApplyResult;
import io.ballast.model.api.CounterSnapshot;
import io.ballast.model.api.RealServerPatch;
import io.ballast.model.json.SpecCodec;
import io.ballast.model.json.SpecFormatException;
import io.ballast.tls.PinnedTrust;
import io.ballast.tls.UntrustedCertificateException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;

/**
 * The client side of one agent's HTTPS API (/api/v1). Blocking calls: run them through the
 * TaskExecutor, never on the FX thread. Every call but /healthz carries the bearer token.
 */
public final class AgentClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final AgentEndpoint endpoint;
    private final PinnedTrust trust;
    private final HttpClient http;

    public AgentClient(AgentEndpoint endpoint) {
        this.endpoint = endpoint;
        this.trust = new PinnedTrust(endpoint.fingerprint(), "the agent");
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {trust}, null);
            this.http = HttpClient.newBuilder()
                    .sslContext(tls)
                    .connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make a TLS context", e);
        }
    }

    public AgentEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Asks /healthz (no token) only to see the certificate: returns the fingerprint the agent
     * presented, so the operator can compare it before trusting it.
     */
    public String presentedFingerprint() throws AgentException {
        try {
            get("/healthz", false);
        } catch (AgentException e) {
            if (trust.presentedFingerprint() == null) {
                throw e;
            }
        }
        return trust.presentedFingerprint();
    }

    public boolean healthy() throws AgentException {
        get("/healthz", false);
        return true;
    }

    public AgentStatus status() throws AgentException {
        return parse(() -> AgentJson.status(get("/api/v1/status", true)));
    }

    public ClusterSpec config() throws AgentException {
        String body = get("/api/v1/config", true);
        try {
            return SpecCodec.read(body);
        } catch (SpecFormatException e) {
            throw new AgentException(AgentException.Kind.PROTOCOL,
                    endpoint + " sent a cluster spec the client cannot read: " + e.getMessage(), e);
        }
    }

    public List<CounterSnapshot> stats(long fromMillis, long toMillis, long stepMillis) throws AgentException {
        return parse(() -> AgentJson.history(get("/api/v1/stats?from=" + fromMillis + "&to=" + toMillis + "&step=" + stepMillis, true)));
    }

    public List<AgentEvent> events(long sinceId) throws AgentException {
        return parse(() -> AgentJson.events(get("/api/v1/events?since=" + sinceId, true)));
    }

    /**
     * Opens GET /api/v1/stream and feeds each Server-Sent Event to {@code sink} until the stream
     * ends, the agent goes away or {@code sink} asks to stop. Blocks: call it from a stream thread.
     */
    public void stream(SseParser.Sink sink) throws AgentException {
        stream(sink, body -> { });
    }

    /** As {@link #stream(SseParser.Sink)}; {@code opened} receives the body so another thread can cut a silent stream. */
    public void stream(SseParser.Sink sink, java.util.function.Consumer<java.io.Closeable> opened) throws AgentException {
        HttpRequest request = request("/api/v1/stream", true)
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            opened.accept(body);
            checkStatus(response.statusCode(), "/api/v1/stream", null);
            BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            SseParser parser = new SseParser(sink);
            String line;
            while (!sink.stopped() && (line = reader.readLine()) != null) {
                parser.line(line);
            }
        } catch (IOException e) {
            throw new AgentException(AgentException.Kind.UNREACHABLE, endpoint + ": the event stream broke (" + e.getMessage() + ")", e);
        }
    }

    // --- Changes (the editing feature): PUT of the spec, PATCH of one real server.

    /**
     * PUT /api/v1/config with {@code If-Match: basedOn}. A refusal (invalid spec, stale revision)
     * arrives as {@link AgentRefusedException}; nothing changed on the agent then.
     */
    public ApplyResult putConfig(ClusterSpec spec, long basedOn, boolean dryRun)
            throws AgentException, AgentRefusedException {
        String path = "/api/v1/config" + (dryRun ? "?dryRun=true" : "");
        HttpRequest request = request(path, true)
                .header("If-Match", "\"" + basedOn + "\"")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(SpecCodec.write(spec), StandardCharsets.UTF_8))
                .build();
        return change(request, path);
    }

    /** PATCH /api/v1/virtual-services/{vs}/real-servers/{rs}: weight and/or state at once. */
    public ApplyResult patchRealServer(ServiceKey service, String serverKey, RealServerPatch patch)
            throws AgentException, AgentRefusedException {
        String path = "/api/v1/virtual-services/" + URLEncoder.encode(service.toString(), StandardCharsets.UTF_8)
                + "/real-servers/" + URLEncoder.encode(serverKey, StandardCharsets.UTF_8);
        HttpRequest request = request(path, true)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(AgentChangeJson.patch(patch), StandardCharsets.UTF_8))
                .build();
        return change(request, path);
    }

    /** GET /metrics (Prometheus text): the agent's latest counters, per service and per real server. */
    public String metricsText() throws AgentException {
        return get("/metrics", true);
    }

    private ApplyResult change(HttpRequest request, String path) throws AgentException, AgentRefusedException {
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        // 500 included: the agent answers it when its plane failed a step and put its table back.
        if (status / 100 != 2 && status != 401 && status != 403) {
            ApiError error = AgentChangeJson.error(status, response.body());
            throw new AgentRefusedException(endpoint.toString(), status, error.problems(), error.revision());
        }
        checkStatus(status, path, response.body());
        return parse(() -> AgentChangeJson.applyResult(response.body()));
    }

    private String get(String path, boolean authorised) throws AgentException {
        HttpResponse<String> response = send(request(path, authorised).build(), HttpResponse.BodyHandlers.ofString());
        checkStatus(response.statusCode(), path, response.body());
        return response.body();
    }

    private HttpRequest.Builder request(String path, boolean authorised) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.resolve(path)).GET();
        if (!path.endsWith("/stream")) {
            builder.timeout(REQUEST_TIMEOUT);
        }
        if (authorised && endpoint.token() != null) {
            builder.header("Authorization", "Bearer " + endpoint.token());
        }
        return builder;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws AgentException {
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentException(AgentException.Kind.UNREACHABLE, endpoint + ": interrupted", e);
        } catch (IOException e) {
            throw translate(e);
        }
    }

    private AgentException translate(IOException e) {
        UntrustedCertificateException untrusted = causeOf(e, UntrustedCertificateException.class);
        if (untrusted != null) {
            return new AgentException(AgentException.Kind.UNTRUSTED, endpoint + ": " + untrusted.getMessage(), untrusted);
        }
        if (e instanceof SSLHandshakeException) {
            return new AgentException(AgentException.Kind.UNREACHABLE, endpoint + ": the TLS handshake failed (" + e.getMessage() + ")", e);
        }
        if (e instanceof HttpTimeoutException) {
            return new AgentException(AgentException.Kind.UNREACHABLE, endpoint + " did not answer in time", e);
        }
        if (causeOf(e, ConnectException.class) != null) {
            return new AgentException(AgentException.Kind.UNREACHABLE, endpoint + " refused the connection or cannot be reached", e);
        }
        return new AgentException(AgentException.Kind.UNREACHABLE, endpoint + " cannot be reached: " + e, e);
    }

    private void checkStatus(int status, String path, String body) throws AgentException {
        if (status == 401 || status == 403) {
            throw new AgentException(AgentException.Kind.UNAUTHORIZED,
                    endpoint + " refused the token (HTTP " + status + "); check the cluster's token", null);
        }
        if (status / 100 != 2) {
            String said = body == null || body.isBlank() ? "" : ": " + body.strip().lines().findFirst().orElse("");
            throw new AgentException(AgentException.Kind.PROTOCOL, endpoint + path + " answered HTTP " + status + said, null);
        }
    }

    private static <X extends Throwable> X causeOf(Throwable e, Class<X> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private <T> T parse(ProtocolCall<T> call) throws AgentException {
        try {
            return call.run();
        } catch (AgentProtocolException e) {
            throw new AgentException(AgentException.Kind.PROTOCOL, endpoint + ": " + e.getMessage(), e);
        }
    }

    private interface ProtocolCall<T> {
        T run() throws AgentException, AgentProtocolException;
    }
}
