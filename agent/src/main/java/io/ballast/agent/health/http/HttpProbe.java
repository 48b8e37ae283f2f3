package io.ballast.agent.health.http;

import io.ballast.agent.health.Probe;
import io.ballast.agent.health.ProbeResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/** One GET of one URL, judged by status and optionally by body; equal when it asks and judges the same. */
final class HttpProbe implements Probe {

    // Enough for any health page; a bigger body is judged on its first 64 KiB.
    private static final int BODY_LIMIT = 64 * 1024;

    private final HttpProbeClient client;
    private final URI uri;
    private final String host;
    private final List<Integer> expected;
    private final Pattern body;

    HttpProbe(HttpProbeClient client, URI uri, String host, List<Integer> expected, Pattern body) {
        this.client = client;
        this.uri = uri;
        this.host = host;
        this.expected = List.copyOf(expected);
        this.body = body;
    }

    @Override
    public CompletableFuture<ProbeResult> start(int timeoutMs) {
        long startedNanos = System.nanoTime();
        HttpRequest request;
        try {
            request = request(timeoutMs);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(ProbeResult.failed(
                    "cannot set the Host header (" + e.getMessage() + "): start the agent with -D"
                            + HttpProbeClient.RESTRICTED_HEADERS_PROPERTY + "=host,connection"));
        }
        int limit = body == null ? 0 : BODY_LIMIT;
        CompletableFuture<HttpResponse<String>> exchange =
                client.client().sendAsync(request, info -> new CappedBodySubscriber(limit));
        CompletableFuture<ProbeResult> result = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                exchange.cancel(true);
                return super.cancel(mayInterruptIfRunning);
            }
        };
        exchange.whenComplete((response, error) -> result.complete(error == null
                ? judge(response, startedNanos)
                : ProbeResult.failed(describe(error, timeoutMs))));
        return result;
    }

    private HttpRequest request(int timeoutMs) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET()
                .timeout(Duration.ofMillis(Math.max(1, timeoutMs)))
                .header("User-Agent", "ballast-agent health check");
        try {
            // One connection per check, as a client would open: a pooled socket would hide a server
            // that no longer accepts, and 10,000 idle sockets would cost the agent as many descriptors.
            builder.header("Connection", "close");
        } catch (IllegalArgumentException e) {
            // The JDK refused the header (restricted headers fixed earlier in this JVM): fall back to pooling.
        }
        if (host != null) {
            builder.header("Host", host);
        }
        return builder.build();
    }

    private ProbeResult judge(HttpResponse<String> response, long startedNanos) {
        int status = response.statusCode();
        if (!expected.contains(status)) {
            return ProbeResult.failed("HTTP " + status + " (expected " + expectedText() + ")");
        }
        if (body != null && !body.matcher(response.body()).find()) {
            return ProbeResult.failed("body did not match /" + body.pattern() + "/");
        }
        return ProbeResult.ok("HTTP " + status + " in " + ProbeResult.millisSince(startedNanos) + " ms");
    }

    private String expectedText() {
        return expected.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    static String describe(Throwable error, int timeoutMs) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        if (cause instanceof HttpTimeoutException) {
            return "timed out after " + timeoutMs + " ms";
        }
        if (cause instanceof ConnectException && (message.isEmpty() || message.contains("refused"))) {
            return "connect refused";
        }
        if (cause instanceof SSLException) {
            return "TLS handshake failed: " + (message.isEmpty() ? cause.getClass().getSimpleName() : message);
        }
        if (cause instanceof IOException) {
            return "HTTP request failed: " + (message.isEmpty() ? cause.getClass().getSimpleName() : message);
        }
        return "HTTP check failed: " + cause;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpProbe that
                && client == that.client
                && uri.equals(that.uri)
                && Objects.equals(host, that.host)
                && expected.equals(that.expected)
                && Objects.equals(regex(), that.regex());
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, host, expected, regex());
    }

    private String regex() {
        return body == null ? null : body.pattern();
    }

    @Override
    public String toString() {
        return "GET " + uri + (host == null ? "" : " Host: " + host);
    }
}
