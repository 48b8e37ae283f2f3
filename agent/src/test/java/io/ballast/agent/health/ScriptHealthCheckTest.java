package io.ballast.agent.health;

import static io.ballast.agent.health.HealthSpecs.script;
import static io.ballast.agent.health.HealthSpecs.server;
import static io.ballast.agent.health.HealthSpecs.service;
import static io.ballast.agent.health.HealthSpecs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptHealthCheckTest {

    private final ScheduledHealthMonitor monitor = HealthMonitors.standard();
    private final Recorder recorder = Recorder.attach(monitor);

    @AfterEach
    void closeMonitor() {
        monitor.close();
    }

    private CheckReport firstReport(io.ballast.model.HealthCheck check) throws InterruptedException {
        monitor.update(spec(service(80, check, server(4242))));
        return recorder.awaitReport(r -> true, Duration.ofSeconds(10));
    }

    @Test
    void exitZeroIsHealthy() throws Exception {
        CheckReport report = firstReport(script(1000, 5000, "sh", "-c", "exit 0"));
        assertThat(report.healthy()).isTrue();
        assertThat(report.detail()).startsWith("script exited 0 in ");
    }

    @Test
    void nonZeroExitIsAFailureWithItsCode() throws Exception {
        CheckReport report = firstReport(script(1000, 5000, "sh", "-c", "exit 2"));
        assertThat(report.healthy()).isFalse();
        assertThat(report.detail()).isEqualTo("script exited 2");
    }

    @Test
    void addressAndPortReplaceThePlaceholders(@TempDir Path dir) throws Exception {
        Path seen = dir.resolve("argv");
        CheckReport report = firstReport(script(1000, 5000, "sh", "-c", "echo \"$1 $2 $3\" > \"$0\"",
                seen.toString(), "%a", "port=%p", "100%%"));
        assertThat(report.healthy()).isTrue();
        assertThat(Files.readString(seen).trim()).isEqualTo("127.0.0.1 port=4242 100%");
    }

    @Test
    void missingProgramIsReportedAsNotStarted() throws Exception {
        CheckReport report = firstReport(script(1000, 5000, "/nonexistent/ballast-check"));
        assertThat(report.healthy()).isFalse();
        assertThat(report.detail()).startsWith("script could not start: ");
    }

    @Test
    void scriptThatHangsTimesOutAndIsKilled() throws Exception {
        // A unique sleep length marks both the shell and its child sleep (the shell forks it, as a
        // command follows): after the timeout neither may be left running.
        String marker = "30." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        long started = System.currentTimeMillis();
        CheckReport report = firstReport(script(10_000, 300, "sh", "-c", "sleep " + marker + "; exit 0"));
        assertThat(report.healthy()).isFalse();
        assertThat(report.detail()).isEqualTo("timed out after 300 ms");
        assertThat(report.atMillis() - started).isBetween(300L, 5_000L);

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (stillRunning(marker) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(stillRunning(marker)).as("script process killed after its timeout").isFalse();
    }

    private static boolean stillRunning(String marker) {
        return ProcessHandle.allProcesses()
                .anyMatch(p -> p.info().commandLine().map(line -> line.contains(marker)).orElse(false)
                        || p.info().arguments().map(args -> String.join(" ", args).contains(marker)).orElse(false));
    }
}
