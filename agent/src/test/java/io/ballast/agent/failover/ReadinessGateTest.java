package io.ballast.agent.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.agent.health.HealthVerdict;
import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.FailoverSettings;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.HealthCheck;
import io.ballast.model.CheckType;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import io.ballast.model.api.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadinessGateTest {

    private static final long NOW = 100_000;

    @Test
    void uncheckedServersTableAndSyncEachHoldTheDirectorBack() {
        List<String> missing = ReadinessGate.missing(spec(true), Map.of(), false, Role.BACKUP, NOW - 500, NOW, 2_000);

        assertThat(missing).hasSize(3);
        assertThat(missing.get(0)).startsWith("2 real server(s) without a health verdict");
        assertThat(missing.get(1)).contains("table does not match");
        assertThat(missing.get(2)).contains("connection sync");
    }

    @Test
    void everyVerdictAConvergedTableAndSettledSyncMakeItReady() {
        assertThat(ReadinessGate.missing(spec(true), verdicts(), true, Role.BACKUP, NOW - 2_000, NOW, 2_000)).isEmpty();
    }

    @Test
    void aDownVerdictCountsAsAVerdict() {
        Map<String, Map<String, HealthVerdict>> verdicts = Map.of("tcp/203.0.113.10:80", Map.of(
                "198.51.100.21:80", verdict("198.51.100.21:80", false), "198.51.100.22:80", verdict("198.51.100.22:80", true)));
        assertThat(ReadinessGate.missing(spec(false), verdicts, true, Role.BACKUP, 0, NOW, 2_000)).isEmpty();
    }

    @Test
    void withoutConnectionSyncThereIsNoSettlingTime() {
        assertThat(ReadinessGate.missing(spec(false), verdicts(), true, Role.BACKUP, NOW, NOW, 2_000)).isEmpty();
    }

    private static Map<String, Map<String, HealthVerdict>> verdicts() {
        return Map.of("tcp/203.0.113.10:80", Map.of("198.51.100.21:80", verdict("198.51.100.21:80", true),
                "198.51.100.22:80", verdict("198.51.100.22:80", true)));
    }

    private static HealthVerdict verdict(String server, boolean up) {
        return new HealthVerdict("tcp/203.0.113.10:80", server, up, "test", NOW);
    }

    private static ClusterSpec spec(boolean sync) {
        HealthCheck tcp = new HealthCheck(CheckType.TCP, 500, 300, 1, 2, null, null, null, null, null, null, null);
        VirtualService web = new VirtualService("web", Protocol.TCP, "203.0.113.10", 80, null, null, Scheduler.RR, Set.of(),
                null, ForwardingMethod.NAT, null, tcp, List.of(RealServer.of("rs1", "198.51.100.21", 80, 1),
                RealServer.of("rs2", "198.51.100.22", 80, 1)));
        return new ClusterSpec(ClusterSpec.SCHEMA_VERSION, "pair", ClusterForm.HA_PAIR, 1,
                List.of(new Director("lb-a", "192.0.2.11", "https://192.0.2.11:9443", 150, "eth0"),
                        new Director("lb-b", "192.0.2.12", "https://192.0.2.12:9443", 100, "eth0")),
                List.of(web), new FailoverSettings(51, 50, true, 0, List.of(), sync, List.of()));
    }
}
