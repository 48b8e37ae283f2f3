package io.ballast.app.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.ballast.tls.Fingerprints;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A stand-in for the agent's HTTPS API on 127.0.0.1, built on the JDK's own HTTPS server with a
 * self-signed certificate made by keytool, so the client's pinning, token and stream handling
 * meet real TLS and real HTTP. Serves canned bodies; the real agent replaces it in integration tests.
 */
public final class FakeAgent implements AutoCloseable {

    public static final String TOKEN = "s3cret-token";

    private final HttpsServer server;
    private final String fingerprint;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile String status = "{}";
    private volatile String config = "{}";
    private volatile String events = "[]";
    private volatile String stream = "";
    private volatile String stats = "[]";
    private volatile boolean hang;
    private volatile String eventsOnceSubscribed;

    public FakeAgent(Path dir) throws Exception {
        KeyStore store = keyStore(dir);
        fingerprint = Fingerprints.of((X509Certificate) store.getCertificate("agent"));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/healthz", ex -> send(ex, 200, "text/plain", "ok"));
        server.createContext("/api/v1/status", ex -> authorised(ex, "application/json", () -> status));
        server.createContext("/api/v1/config", ex -> authorised(ex, "application/json", () -> config));
        server.createContext("/api/v1/events", ex -> authorised(ex, "application/json", () -> events));
        server.createContext("/api/v1/stats", ex -> authorised(ex, "application/json", () -> stats));
        server.createContext("/api/v1/stream", ex -> {
            if (eventsOnceSubscribed != null) {
                events = eventsOnceSubscribed;
            }
            if (hang) {
                hangAfterFirstEvent(ex);
            } else {
                authorised(ex, "text/event-stream", () -> stream);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-agent");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    private static KeyStore cached;

    // keytool takes seconds on a busy machine: one certificate serves every fake agent of a run
    private static synchronized KeyStore keyStore(Path dir) throws Exception {
        if (cached != null) {
            return cached;
        }
        Path keystore = dir.resolve("agent.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "agent", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=ballast-agent", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool could not make a test certificate: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        cached = store;
        return store;
    }

    private void authorised(HttpExchange exchange, String type, java.util.function.Supplier<String> body) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(auth == null ? "" : auth);
        if (!("Bearer " + TOKEN).equals(auth)) {
            send(exchange, 401, "application/json", "{\"error\":\"bad token\"}");
            return;
        }
        send(exchange, 200, type, body.get());
    }

    private static void send(HttpExchange exchange, int code, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public String fingerprint() {
        return fingerprint;
    }

    public List<String> authorizations() {
        return authorizations;
    }

    public FakeAgent status(String json) {
        this.status = json;
        return this;
    }

    public FakeAgent config(String json) {
        this.config = json;
        return this;
    }

    public FakeAgent stats(String json) {
        this.stats = json;
        return this;
    }

    public FakeAgent events(String json) {
        this.events = json;
        return this;
    }

    /**
     * The journal as it reads once a stream is open: an event written after the client read the
     * journal but before its stream was subscribed, so the stream itself never carries it.
     */
    public FakeAgent eventsOnceSubscribed(String json) {
        this.eventsOnceSubscribed = json;
        return this;
    }

    /** The whole event-stream body; the connection ends after it, as when an agent restarts. */
    public FakeAgent stream(String body) {
        this.stream = body;
        return this;
    }

    /** The stream sends its first event and then nothing, its socket open: a hung or partitioned agent. */
    public FakeAgent hangingStream() {
        this.hang = true;
        return this;
    }

    private void hangAfterFirstEvent(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write(stream.getBytes(StandardCharsets.UTF_8));
        out.flush();
        try {
            Thread.sleep(20_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
