package io.ballast.agent.reconcile;

import static io.ballast.agent.testsupport.Await.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.agent.failover.single.SingleFailoverEngine;
import io.ballast.agent.state.AgentDatabase;
import io.ballast.agent.state.EventJournal;
import io.ballast.agent.state.SpecStore;
import io.ballast.agent.testsupport.InMemoryDataPlane;
import io.ballast.agent.testsupport.ManualHealthMonitor;
import io.ballast.agent.testsupport.Specs;
import io.ballast.model.AdminState;
import io.ballast.model.ClusterSpec;
import io.ballast.model.RealServer;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;
import io.ballast.model.api.AgentEvent;
import io.ballast.model.api.RealServerPatch;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconcilerTest {

    @TempDir
    Path dir;
    InMemoryDataPlane plane;
    AgentDatabase db;
    EventJournal journal;
    SpecStore store;
    ManualHealthMonitor health = new ManualHealthMonitor();
    Reconciler reconciler;
    static final ServiceKey VS = ServiceKey.parse("tcp/203.0.113.10:80");

    @BeforeEach
    void start() throws Exception {
        plane = new InMemoryDataPlane(null);
        db = AgentDatabase.open(dir.resolve("a.db"));
        journal = new EventJournal(db, Clock.systemUTC());
        store = SpecStore.open(dir.resolve("spec"));
        SingleFailoverEngine failover = new SingleFailoverEngine();
        ClusterSpec initial = Specs.cluster(1, 3, 5);
        failover.start(initial);
        reconciler = new Reconciler(plane, store, journal, health, failover, initial);
        reconciler.start(Duration.ofMillis(200));
    }

    @AfterEach
    void stop() {
        reconciler.close();
        db.close();
    }

    private List<String> kinds() throws Exception {
        return journal.since(0, 100).stream().map(AgentEvent::kind).toList();
    }

    private RealServer server(String key) {
        return plane.readTable().get(0).realServers().stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
    }

    @Test
    void startConvergesThePlaneToTheSpec() {
        assertThat(plane.readTable()).isEqualTo(TargetTable.of(Specs.cluster(1, 3, 5), java.util.Map.of(),
                io.ballast.model.api.Role.MASTER));
    }

    @Test
    void driftIsRepairedAndRecordedAsAnEvent() throws Exception {
        plane.tamper(List.of());
        eventually(() -> assertThat(plane.readTable()).hasSize(1));
        eventually(() -> {
            try {
                assertThat(kinds()).contains("drift-repaired");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void aFailedStepLeavesTheOldTableAndRevisionAndRecordsAnEvent() throws Exception {
        List<VirtualService> before = plane.readTable();
        plane.failAtStep(2);
        assertThatThrownBy(() -> reconciler.replace(Specs.cluster(3, 3, 1), 0, "token:test", false))
                .isInstanceOf(ChangeRefusedException.class)
                .satisfies(e -> assertThat(((ChangeRefusedException) e).reason()).isEqualTo(ChangeRefusedException.Reason.APPLY_FAILED));
        assertThat(plane.readTable()).isEqualTo(before);
        assertThat(reconciler.desired().revision()).isZero();
        assertThat(store.current()).isEmpty();
        assertThat(kinds()).contains("apply-failed");
    }

    @Test
    void drainGivesWeightZeroAndMaintenanceRemovesTheServer() throws Exception {
        reconciler.patch(VS, "198.51.100.1:8080", new RealServerPatch(null, AdminState.DRAIN), "token:test");
        reconciler.patch(VS, "198.51.100.2:8080", new RealServerPatch(null, AdminState.MAINTENANCE), "token:test");
        assertThat(server("198.51.100.1:8080").weight()).isZero();
        assertThat(server("198.51.100.2:8080")).isNull();
        assertThat(server("198.51.100.3:8080").weight()).isEqualTo(5);
        assertThat(store.current()).get().extracting(ClusterSpec::revision).isEqualTo(2L);
    }

    @Test
    void aFailedServerIsQuiescedByDefaultAndComesBackWhenUp() throws Exception {
        health.set(VS.toString(), "198.51.100.3:8080", false);
        eventually(() -> assertThat(server("198.51.100.3:8080").weight()).isZero());
        health.set(VS.toString(), "198.51.100.3:8080", true);
        eventually(() -> assertThat(server("198.51.100.3:8080").weight()).isEqualTo(5));
    }

    @Test
    void staleRevisionIsRefusedAndNothingChanges() throws Exception {
        reconciler.replace(Specs.cluster(1, 2, 2), 0, "token:test", false);
        assertThatThrownBy(() -> reconciler.replace(Specs.cluster(1, 1, 1), 0, "token:test", false))
                .isInstanceOf(ChangeRefusedException.class)
                .satisfies(e -> assertThat(((ChangeRefusedException) e).currentRevision()).isEqualTo(1));
        assertThat(plane.readTable().get(0).realServers()).hasSize(2);
    }
}
