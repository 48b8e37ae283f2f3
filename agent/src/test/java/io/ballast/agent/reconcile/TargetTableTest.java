package io.ballast.agent.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.agent.health.HealthVerdict;
import io.ballast.agent.testsupport.Specs;
import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.FailAction;
import io.ballast.model.HealthCheck;
import io.ballast.model.RealServer;
import io.ballast.model.SorryServer;
import io.ballast.model.VirtualService;
import io.ballast.model.api.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetTableTest {

    static final String VS = "tcp/203.0.113.10:80";

    static VirtualService service(FailAction onFailure, SorryServer sorry) {
        VirtualService vs = Specs.cluster(1, 2, 4).virtualServices().get(0);
        HealthCheck check = HealthCheck.tcp(1000, 500, 2, 3);
        check = new HealthCheck(check.type(), check.intervalMs(), check.timeoutMs(), check.rise(), check.fall(), null,
                null, null, null, null, null, onFailure);
        return new VirtualService(vs.name(), vs.protocol(), vs.address(), vs.port(), null, null, vs.scheduler(), null,
                null, null, sorry, check, vs.realServers());
    }

    static Map<String, Map<String, HealthVerdict>> down(String... servers) {
        Map<String, HealthVerdict> byServer = new java.util.HashMap<>();
        for (String s : servers) {
            byServer.put(s, new HealthVerdict(VS, s, false, "connect refused", 1));
        }
        return Map.of(VS, byServer);
    }

    @Test
    void failedServerIsRemovedWhenTheCheckSaysRemove() {
        VirtualService entry = TargetTable.entry(service(FailAction.REMOVE, null), down("198.51.100.1:8080").get(VS));
        assertThat(entry.realServers()).extracting(RealServer::key).containsExactly("198.51.100.2:8080");
    }

    @Test
    void sorryServerJoinsOnlyWhenNoServerHasWeightLeft() {
        SorryServer sorry = new SorryServer("192.0.2.50", 80);
        VirtualService oneUp = TargetTable.entry(service(FailAction.QUIESCE, sorry), down("198.51.100.1:8080").get(VS));
        assertThat(oneUp.realServers()).extracting(RealServer::key).doesNotContain("192.0.2.50:80");
        VirtualService allDown = TargetTable.entry(service(FailAction.QUIESCE, sorry),
                down("198.51.100.1:8080", "198.51.100.2:8080").get(VS));
        assertThat(allDown.realServers()).extracting(RealServer::key, RealServer::weight)
                .contains(org.assertj.core.groups.Tuple.tuple("192.0.2.50:80", 1));
    }

    @Test
    void tableEntriesCarryNoLabelsOrHealthChecks() {
        VirtualService entry = TargetTable.entry(service(FailAction.QUIESCE, null), Map.of());
        assertThat(entry.name()).isNull();
        assertThat(entry.healthCheck()).isNull();
        assertThat(entry.realServers()).extracting(RealServer::name).containsOnlyNulls();
    }

    @Test
    void streamlineDirectorThatIsNotMasterHoldsNoService() {
        ClusterSpec spec = Specs.cluster(2, 2, 1);
        ClusterSpec streamline = new ClusterSpec(spec.schemaVersion(), spec.name(), ClusterForm.STREAMLINE, 1,
                List.of(), spec.virtualServices(), null);
        assertThat(TargetTable.of(streamline, Map.of(), Role.BACKUP)).isEmpty();
        assertThat(TargetTable.of(streamline, Map.of(), Role.MASTER)).hasSize(2);
        assertThat(TargetTable.of(spec, Map.of(), Role.BACKUP)).hasSize(2);
    }
}
