package io.ballast.agent.health;

import static io.ballast.agent.health.HealthSpecs.http;
import static io.ballast.agent.health.HealthSpecs.server;
import static io.ballast.agent.health.HealthSpecs.service;
import static io.ballast.agent.health.HealthSpecs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.ballast.model.CheckType;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpsHealthCheckTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    private final ScheduledHealthMonitor monitor = HealthMonitors.standard();
    private final Recorder recorder = Recorder.attach(monitor);
    private HttpsServer httpsServer;

    @BeforeEach
    void startSelfSignedServer(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        // A certificate for another name than the address checked: the check must not care.
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=real-server.example.test", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(keytool.exitValue()).as("keytool said: " + output).isZero();

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);

        httpsServer = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        httpsServer.setHttpsConfigurator(new HttpsConfigurator(tls));
        httpsServer.createContext("/health", exchange -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        httpsServer.start();
    }

    @AfterEach
    void stop() {
        monitor.close();
        httpsServer.stop(0);
    }

    @Test
    void selfSignedServerPassesAnHttpsCheck() throws Exception {
        monitor.update(spec(service(443, http(CheckType.HTTPS, "/health", null, List.of(), "^ok$", 2000),
                server(httpsServer.getAddress().getPort()))));
        CheckReport report = recorder.awaitReport(r -> true, Duration.ofSeconds(10));
        assertThat(report.detail()).startsWith("HTTP 200 in ");
        assertThat(report.healthy()).isTrue();
    }

    @Test
    void plainHttpCheckOfATlsPortFails() throws Exception {
        monitor.update(spec(service(443, http(CheckType.HTTP, "/health", null, List.of(), null, 2000),
                server(httpsServer.getAddress().getPort()))));
        CheckReport report = recorder.awaitReport(r -> true, Duration.ofSeconds(10));
        assertThat(report.healthy()).isFalse();
    }
}
