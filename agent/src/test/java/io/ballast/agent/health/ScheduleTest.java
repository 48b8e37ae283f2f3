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
        double perServerPerSecond = checks / seconds / servers.size();
        // 10 per second each; the bounds leave room for a slow, shared machine, not for double scheduling.
        assertThat(perServerPerSecond).isBetween(8.0, 10.5);
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
        long[] firstByQuarter = new long[4];
        java.util.Map<String, Long> firstAt = new java.util.HashMap<>();
        recorder.firstReports(400).forEach(r -> firstAt.merge(r.service(), r.atMillis(), Math::min));
        assertThat(firstAt).hasSize(200);
        firstAt.values().forEach(at -> firstByQuarter[(int) Math.min(3, (at - updated) / 250)]++);
        // Uniform over one second: about 50 per quarter; a burst would put them all in the first.
        for (long count : firstByQuarter) {
            assertThat(count).isBetween(20L, 90L);
        }
    }
}
