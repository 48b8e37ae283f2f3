package io.ballast.agent.health;

import static io.ballast.agent.health.HealthSpecs.script;
import static io.ballast.agent.health.HealthSpecs.server;
import static io.ballast.agent.health.HealthSpecs.service;
import static io.ballast.agent.health.HealthSpecs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.CheckType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CheckerRegistryTest {

    /** A kind of check that answers from memory: stands for a future SNMP or WinRM probe. */
    private record InMemoryProbe(String address, int port, List<String> asked) implements Probe {
        @Override
        public CompletableFuture<ProbeResult> start(int timeoutMs) {
            asked.add(address + " " + port);
            return CompletableFuture.completedFuture(ProbeResult.ok("answered by the plugged-in checker"));
        }
    }

    @Test
    void aCheckerRegisteredForATypeAnswersItsChecksWithoutChangesToTheMonitor() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        Checker plugged = new Checker() {
            @Override
            public CheckType type() {
                return CheckType.SCRIPT;
            }

            @Override
            public Probe prepare(ProbeTarget target) {
                return new InMemoryProbe(target.addressText(), target.port(), asked);
            }
        };
        try (ScheduledHealthMonitor monitor = HealthMonitors.standard(registry -> registry.register(plugged))) {
            Recorder recorder = Recorder.attach(monitor);
            monitor.update(spec(service(80, script(100, 500, "/never/run"), server(4242))));
            CheckReport report = recorder.awaitReport(r -> true, Duration.ofSeconds(5));
            assertThat(report.detail()).isEqualTo("answered by the plugged-in checker");
            assertThat(asked).first().isEqualTo("127.0.0.1 4242");
        }
    }
}
