package io.ballast.agent.health;

import static io.ballast.agent.health.HealthSpecs.server;
import static io.ballast.agent.health.HealthSpecs.service;
import static io.ballast.agent.health.HealthSpecs.serviceKey;
import static io.ballast.agent.health.HealthSpecs.spec;
import static io.ballast.agent.health.HealthSpecs.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TcpHealthCheckTest {

    private static final int RISE = 2;
    private static final int FALL = 3;

    private final ScheduledHealthMonitor monitor = HealthMonitors.standard();
    private final Recorder recorder = Recorder.attach(monitor);

    @AfterEach
    void closeMonitor() {
        monitor.close();
    }

    @Test
    void serverThatStopsGoesDownAfterFallFailuresAndComesBackAfterRiseSuccesses() throws Exception {
        try (LoopbackTcpServer tcpServer = LoopbackTcpServer.start()) {
            String rs = "127.0.0.1:" + tcpServer.port();
            monitor.update(spec(service(80, tcp(100, 500, RISE, FALL), server(tcpServer.port()))));
            recorder.awaitReport(r -> r.realServer().equals(rs) && r.healthy(), Duration.ofSeconds(5));

            tcpServer.stop();
            long stoppedAt = System.currentTimeMillis();
            HealthVerdict down = recorder.awaitTransition(v -> !v.up(), Duration.ofSeconds(5));
            assertThat(down.detail()).isEqualTo("connect refused");
            assertThat(down.realServer()).isEqualTo(rs);
            assertThat(down.service()).isEqualTo(serviceKey(80));
            assertThat(trailingRun(recorder.reportsFor(rs), false)).isEqualTo(FALL);
            // Three failures at 100 ms intervals: not before the second interval, well before 2 s.
            assertThat(down.atMillis() - stoppedAt).isBetween(150L, 2_000L);

            tcpServer.restart();
            HealthVerdict up = recorder.awaitTransition(v -> v.up(), Duration.ofSeconds(5));
            assertThat(up.detail()).startsWith("connected in ");
            assertThat(trailingRun(recorder.reportsFor(rs), true)).isEqualTo(RISE);
            assertThat(monitor.verdicts().get(serviceKey(80)).get(rs).up()).isTrue();
            assertThat(recorder.transitions()).extracting(HealthVerdict::up).containsExactly(false, true);
        }
    }

    @Test
    void refusedPortIsReportedAsConnectRefused() throws Exception {
        int closed = LoopbackTcpServer.closedPort();
        monitor.update(spec(service(80, tcp(100, 500, 1, 1), server(closed))));
        CheckReport report = recorder.awaitReport(r -> true, Duration.ofSeconds(5));
        assertThat(report.healthy()).isFalse();
        assertThat(report.detail()).isEqualTo("connect refused");
        assertThat(report.up()).isFalse();
    }

    @Test
    void eachCheckIsANewConnection() throws Exception {
        try (LoopbackTcpServer tcpServer = LoopbackTcpServer.start()) {
            String rs = "127.0.0.1:" + tcpServer.port();
            monitor.update(spec(service(80, tcp(50, 500, 1, 1), server(tcpServer.port()))));
            recorder.awaitReport(r -> recorder.reportsFor(rs).size() >= 5, Duration.ofSeconds(5));
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (tcpServer.accepted() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(tcpServer.accepted()).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void ipv6ServerIsCheckedOverIpv6() throws Exception {
        try (java.nio.channels.ServerSocketChannel listener = java.nio.channels.ServerSocketChannel.open()) {
            listener.bind(new java.net.InetSocketAddress("::1", 0));
            int port = ((java.net.InetSocketAddress) listener.getLocalAddress()).getPort();
            monitor.update(spec(service(80, tcp(100, 500, 1, 1), io.ballast.model.RealServer.of("v6", "::1", port, 1))));
            CheckReport report = recorder.awaitReport(r -> true, Duration.ofSeconds(5));
            assertThat(report.realServer()).isEqualTo("[::1]:" + port);
            assertThat(report.healthy()).as(report.detail()).isTrue();
        }
    }

    /** Length of the run of equal results that ends the list (the checks that led to the last flip). */
    static int trailingRun(List<CheckReport> reports, boolean healthy) {
        int lastFlip = -1;
        for (int i = 0; i < reports.size(); i++) {
            if (reports.get(i).changed()) {
                lastFlip = i;
            }
        }
        int run = 0;
        for (int i = lastFlip; i >= 0 && reports.get(i).healthy() == healthy; i--) {
            run++;
        }
        return run;
    }
}
