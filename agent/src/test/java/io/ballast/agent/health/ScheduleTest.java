package io.ballast.agent.health;

import static io.ballast.agent.health.HealthSpecs.server;
import static io.ballast.agent.health.HealthSpecs.service;
import static io.ballast.agent.health.HealthSpecs.spec;
import static io.ballast.agent.health.HealthSpecs.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.RealServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private final ScheduledHealthMonitor monitor = HealthMonitors.standard();
    private final Recorder recorder = Recorder.attach(monitor);

    @AfterEach
    void closeMonitor() {
        monitor.close();
    }

    @Test
    void eachServerIsCheckedOncePerInterval() throws Exception {
        List<RealServer> servers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            servers.add(server(LoopbackTcpServer.closedPort()));
        }
        monitor.update(spec(service(80, tcp(100, 50, 1, 1), servers.toArray(RealServer[]::new))));
        Thread.sleep(500);
        long before = monitor.completedChecks();
        long started = System.nanoTime();
        Thread.sleep(2_000);
        long checks = monitor.completedChecks() - before;
        double seconds = (System.nanoTime() - started) / 1e9;
        // Never more than one check per interval (10 a second each), however busy the machine.
        assertThat(checks / seconds / servers.size()).isLessThanOrEqualTo(10.5);
        // The schedule is fixed-rate: the typical gap between two checks of a server is the
        // interval even when a busy machine delays some of them.
        List<Long> gaps = new ArrayList<>();
        for (RealServer rs : servers) {
            List<CheckReport> reports = recorder.reportsFor(rs.key());
            for (int i = 3; i < reports.size(); i++) {
                gaps.add(reports.get(i).atMillis() - reports.get(i - 1).atMillis());
            }
        }
        gaps.sort(null);
        assertThat(gaps).hasSizeGreaterThan(100);
        assertThat(gaps.get(gaps.size() / 2)).as("median gap of " + gaps.size()).isBetween(85L, 115L);
    }

    @Test
    void firstChecksOfManyServersSpreadOverTheInterval() throws Exception {
        List<RealServer> servers = new ArrayList<>();
        int port = LoopbackTcpServer.closedPort();
        for (int i = 0; i < 200; i++) {
            servers.add(RealServer.of(null, "127.0.0.1", port, 1));
        }
        // 200 services with one server each, the same refused port: only the schedule differs.
        io.ballast.model.VirtualService[] services = new io.ballast.model.VirtualService[servers.size()];
        for (int i = 0; i < services.length; i++) {
            services[i] = service(1000 + i, tcp(1000, 500, 1, 1), servers.get(i));
        }
        long updated = System.currentTimeMillis();
        monitor.update(spec(services));
        recorder.awaitReport(r -> recorder.reportsCount() >= 400, java.time.Duration.ofSeconds(5));
        java.util.Map<String, Long> firstAt = new java.util.HashMap<>();
        recorder.firstReports(400).forEach(r -> firstAt.merge(r.service(), r.atMillis(), Math::min));
        assertThat(firstAt).hasSize(200);
        long[] firstByQuarter = new long[4];
        firstAt.values().forEach(at -> firstByQuarter[(int) Math.min(3, Math.max(0, at - updated) / 250)]++);
        long span = java.util.Collections.max(firstAt.values()) - java.util.Collections.min(firstAt.values());
        // Uniform over one second: about 50 per quarter. A burst would put all 200 in one quarter;
        // the bounds leave room for a busy machine that delays some checks.
        String seen = "first checks per quarter second " + java.util.Arrays.toString(firstByQuarter) + ", span " + span + " ms";
        assertThat(span).as(seen).isGreaterThanOrEqualTo(600L);
        for (long count : firstByQuarter) {
            assertThat(count).as(seen).isLessThanOrEqualTo(120L);
        }
    }
}
