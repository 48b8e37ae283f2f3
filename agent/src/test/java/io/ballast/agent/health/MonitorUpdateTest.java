package io.ballast.agent.health;

import static io.ballast.agent.health.HealthSpecs.server;
import static io.ballast.agent.health.HealthSpecs.service;
import static io.ballast.agent.health.HealthSpecs.serviceKey;
import static io.ballast.agent.health.HealthSpecs.spec;
import static io.ballast.agent.health.HealthSpecs.tcp;
import static io.ballast.agent.health.HealthSpecs.tcpOnPort;
import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.CheckType;
import io.ballast.model.ClusterSpec;
import io.ballast.model.HealthCheck;
import io.ballast.model.RealServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MonitorUpdateTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ScheduledHealthMonitor monitor = HealthMonitors.standard();
    private final Recorder recorder = Recorder.attach(monitor);

    @AfterEach
    void closeMonitor() {
        monitor.close();
    }

    /** Applies {@code next} on the monitor's thread right after the first check of {@code rs}: no race with the schedule. */
    private void updateAfterFirstCheckOf(String rs, ClusterSpec next) {
        AtomicBoolean done = new AtomicBoolean();
        monitor.onCheck(report -> {
            if (report.realServer().equals(rs) && done.compareAndSet(false, true)) {
                monitor.update(next);
            }
        });
    }

    /** Position (1-based) among the server's checks of the check that flipped it. */
    private int checksUntilFlip(String rs) throws InterruptedException {
        recorder.awaitTransition(v -> v.realServer().equals(rs), WAIT);
        List<CheckReport> reports = recorder.reportsFor(rs);
        for (int i = 0; i < reports.size(); i++) {
            if (reports.get(i).changed()) {
                return i + 1;
            }
        }
        throw new AssertionError("no flip among " + reports);
    }

    @Test
    void unchangedCheckKeepsItsCountsAcrossAnUpdate() throws Exception {
        int closed = LoopbackTcpServer.closedPort();
        String rs = "127.0.0.1:" + closed;
        HealthCheck check = tcp(100, 500, 2, 3);
        monitor.update(spec(service(80, check, server(closed))));
        // The update adds a server and changes rise: the watched server's probe stays the same.
        updateAfterFirstCheckOf(rs, spec(service(80, tcp(100, 500, 5, 3), server(closed),
                server(LoopbackTcpServer.closedPort()))));

        assertThat(checksUntilFlip(rs)).as("the failure counted before the update still counts").isEqualTo(3);
    }

    @Test
    void changedCheckStartsOverAndItsFirstResultDecides() throws Exception {
        int closed = LoopbackTcpServer.closedPort();
        String rs = "127.0.0.1:" + closed;
        monitor.update(spec(service(80, tcp(100, 500, 2, 3), server(closed))));
        updateAfterFirstCheckOf(rs, spec(service(80, tcpOnPort(LoopbackTcpServer.closedPort(), 100, 500, 2, 3),
                server(closed))));

        assertThat(checksUntilFlip(rs)).as("first result of the new check decides").isEqualTo(2);
    }

    @Test
    void removedServerIsNoLongerChecked() throws Exception {
        try (LoopbackTcpServer kept = LoopbackTcpServer.start(); LoopbackTcpServer removed = LoopbackTcpServer.start()) {
            String keptRs = "127.0.0.1:" + kept.port();
            String removedRs = "127.0.0.1:" + removed.port();
            HealthCheck check = tcp(50, 500, 1, 1);
            monitor.update(spec(service(80, check, server(kept.port()), server(removed.port()))));
            recorder.awaitReport(r -> r.realServer().equals(removedRs), WAIT);

            monitor.update(spec(service(80, check, server(kept.port()))));
            int removedReports = recorder.reportsFor(removedRs).size();
            int removedAccepts = removed.accepted();
            int keptReports = recorder.reportsFor(keptRs).size();
            assertThat(monitor.verdicts().get(serviceKey(80))).containsOnlyKeys(keptRs);

            recorder.awaitReport(r -> recorder.reportsFor(keptRs).size() >= keptReports + 6, WAIT);
            assertThat(recorder.reportsFor(removedRs)).hasSize(removedReports);
            // A connection already in the kernel's accept queue may still be accepted once.
            assertThat(removed.accepted()).isBetween(removedAccepts, removedAccepts + 1);
        }
    }

    @Test
    void serverAddedLaterStartsDownUntilItsFirstPassingCheck() throws Exception {
        try (LoopbackTcpServer first = LoopbackTcpServer.start(); LoopbackTcpServer added = LoopbackTcpServer.start()) {
            HealthCheck check = tcp(200, 500, 3, 3);
            monitor.update(spec(service(80, check, server(first.port()))));
            String firstRs = "127.0.0.1:" + first.port();
            assertThat(monitor.verdicts().get(serviceKey(80)).get(firstRs).up())
                    .as("servers of the first spec start up").isTrue();

            String addedRs = "127.0.0.1:" + added.port();
            // Update and read on the monitor's thread, so that no check can run in between.
            java.util.concurrent.CompletableFuture<HealthVerdict> initial = new java.util.concurrent.CompletableFuture<>();
            monitor.loop().execute(() -> {
                monitor.update(spec(service(80, check, server(first.port()), server(added.port()))));
                initial.complete(monitor.verdicts().get(serviceKey(80)).get(addedRs));
            });
            HealthVerdict before = initial.get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(before.up()).isFalse();
            assertThat(before.detail()).isEqualTo("not checked yet");

            assertThat(checksUntilFlip(addedRs)).as("first passing check brings it up, rise notwithstanding")
                    .isEqualTo(1);
            assertThat(monitor.verdicts().get(serviceKey(80)).get(addedRs).up()).isTrue();
        }
    }

    @Test
    void serverWithoutCheckIsUpAndNeverChecked() throws Exception {
        int closed = LoopbackTcpServer.closedPort();
        monitor.update(spec(service(80, null, server(closed))));
        HealthVerdict verdict = monitor.verdicts().get(serviceKey(80)).get("127.0.0.1:" + closed);
        assertThat(verdict.up()).isTrue();
        assertThat(verdict.detail()).isEqualTo("no health check configured");
        Thread.sleep(300);
        assertThat(monitor.completedChecks()).isZero();
    }

    @Test
    void removingTheCheckBringsAFailedServerBack() throws Exception {
        int closed = LoopbackTcpServer.closedPort();
        String rs = "127.0.0.1:" + closed;
        monitor.update(spec(service(80, tcp(100, 500, 1, 1), server(closed))));
        recorder.awaitTransition(v -> !v.up(), WAIT);

        monitor.update(spec(service(80, null, server(closed))));
        HealthVerdict up = recorder.awaitTransition(HealthVerdict::up, WAIT);
        assertThat(up.realServer()).isEqualTo(rs);
        assertThat(up.detail()).isEqualTo("no health check configured");
    }

    @Test
    void listenerMayUpdateTheMonitorFromItsOwnThread() throws Exception {
        int closed = LoopbackTcpServer.closedPort();
        ClusterSpec withoutCheck = spec(service(80, null, server(closed)));
        monitor.onTransition(verdict -> {
            if (!verdict.up()) {
                monitor.update(withoutCheck);
            }
        });
        monitor.update(spec(service(80, tcp(50, 500, 1, 1), server(closed))));

        HealthVerdict up = recorder.awaitTransition(HealthVerdict::up, WAIT);
        assertThat(up.detail()).isEqualTo("no health check configured");
        long checks = monitor.completedChecks();
        Thread.sleep(300);
        assertThat(monitor.completedChecks()).as("no checks once the check is gone").isEqualTo(checks);
    }

    @Test
    void checkThatCannotRunKeepsTheServerDownWithTheReason() throws Exception {
        HealthCheck badRegex = HealthSpecs.http(CheckType.HTTP, "/", null, List.of(), "(unclosed", 500);
        RealServer portZero = RealServer.of("mark", "127.0.0.1", 0, 1);
        monitor.update(spec(service(80, badRegex, server(8080)), service(81, tcp(100, 500, 1, 1), portZero)));

        HealthVerdict regex = monitor.verdicts().get(serviceKey(80)).get("127.0.0.1:8080");
        assertThat(regex.up()).isFalse();
        assertThat(regex.detail()).startsWith("the health check's bodyRegex /(unclosed/ is not a valid regular expression");
        HealthVerdict noPort = monitor.verdicts().get(serviceKey(81)).get("127.0.0.1:0");
        assertThat(noPort.up()).isFalse();
        assertThat(noPort.detail()).contains("the check must name its own port");
    }
}
