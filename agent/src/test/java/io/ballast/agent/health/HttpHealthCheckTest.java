package io.ballast.agent.health;

import static io.ballast.agent.health.HealthSpecs.http;
import static io.ballast.agent.health.HealthSpecs.server;
import static io.ballast.agent.health.HealthSpecs.service;
import static io.ballast.agent.health.HealthSpecs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ballast.model.CheckType;
import io.ballast.model.HealthCheck;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpHealthCheckTest {

    private final ScheduledHealthMonitor monitor = HealthMonitors.standard();
    private final Recorder recorder = Recorder.attach(monitor);
    private final List<String> hostHeaders = new CopyOnWriteArrayList<>();
    private HttpServer httpServer;
    private String rs;

    @BeforeEach
    void startServer() throws IOException {
        httpServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        httpServer.createContext("/ok", exchange -> respond(exchange, 200, "status: ok"));
        httpServer.createContext("/busy", exchange -> respond(exchange, 503, "overloaded"));
        httpServer.createContext("/degraded", exchange -> respond(exchange, 200, "status: degraded"));
        httpServer.createContext("/vhost", exchange -> {
            String host = exchange.getRequestHeaders().getFirst("Host");
            hostHeaders.add(host);
            respond(exchange, "www.example.test".equals(host) ? 200 : 404, "host " + host);
        });
        httpServer.start();
        rs = "127.0.0.1:" + httpServer.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        monitor.close();
        httpServer.stop(0);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private CheckReport firstReport(HealthCheck check, int port) throws InterruptedException {
        monitor.update(spec(service(80, check, server(port))));
        return recorder.awaitReport(r -> true, Duration.ofSeconds(10));
    }

    private int port() {
        return httpServer.getAddress().getPort();
    }

    @Test
    void okPageWithExpectedStatusPasses() throws Exception {
        CheckReport report = firstReport(http(CheckType.HTTP, "/ok", null, List.of(), null, 1000), port());
        assertThat(report.healthy()).isTrue();
        assertThat(report.detail()).startsWith("HTTP 200 in ");
        assertThat(report.realServer()).isEqualTo(rs);
    }

    @Test
    void unexpectedStatusFailsWithTheStatusInTheDetail() throws Exception {
        CheckReport report = firstReport(http(CheckType.HTTP, "/busy", null, List.of(), null, 1000), port());
        assertThat(report.healthy()).isFalse();
        assertThat(report.detail()).isEqualTo("HTTP 503 (expected 200)");
    }

    @Test
    void listedStatusesAreAccepted() throws Exception {
        CheckReport report = firstReport(http(CheckType.HTTP, "/busy", null, List.of(200, 503), null, 1000), port());
        assertThat(report.healthy()).isTrue();
    }

    @Test
    void bodyMustContainAMatchOfTheRegex() throws Exception {
        CheckReport report = firstReport(http(CheckType.HTTP, "/degraded", null, List.of(), "status: ok", 1000), port());
        assertThat(report.healthy()).isFalse();
        assertThat(report.detail()).isEqualTo("body did not match /status: ok/");
    }

    @Test
    void matchingBodyPasses() throws Exception {
        CheckReport report = firstReport(http(CheckType.HTTP, "/ok", null, List.of(), "\\bok$", 1000), port());
        assertThat(report.healthy()).isTrue();
    }

    @Test
    void hostHeaderSelectsTheVirtualHost() throws Exception {
        CheckReport report = firstReport(http(CheckType.HTTP, "/vhost", "www.example.test", List.of(), null, 1000),
                port());
        assertThat(report.healthy()).isTrue();
        assertThat(hostHeaders).first().isEqualTo("www.example.test");
    }

    @Test
    void withoutHostHeaderTheServerAddressIsSent() throws Exception {
        CheckReport report = firstReport(http(CheckType.HTTP, "/vhost", null, List.of(), null, 1000), port());
        assertThat(report.detail()).isEqualTo("HTTP 404 (expected 200)");
        assertThat(hostHeaders).first().isEqualTo(rs);
    }

    @Test
    void closedPortIsReportedAsConnectRefused() throws Exception {
        CheckReport report = firstReport(http(CheckType.HTTP, "/ok", null, List.of(), null, 1000),
                LoopbackTcpServer.closedPort());
        assertThat(report.healthy()).isFalse();
        assertThat(report.detail()).isEqualTo("connect refused");
    }

    @Test
    void serverThatAcceptsButNeverAnswersTimesOut() throws Exception {
        try (ServerSocket hung = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(hung.accept());
                    }
                } catch (IOException closed) {
                    // The test is over.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long started = System.currentTimeMillis();
            CheckReport report = firstReport(http(CheckType.HTTP, "/ok", null, List.of(), null, 300),
                    hung.getLocalPort());
            assertThat(report.healthy()).isFalse();
            assertThat(report.detail()).isEqualTo("timed out after 300 ms");
            assertThat(report.atMillis() - started).isBetween(300L, 3_000L);
            assertThat(held).isNotEmpty();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
