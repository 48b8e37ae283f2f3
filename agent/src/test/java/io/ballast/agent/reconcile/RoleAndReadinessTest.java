package io.ballast.agent.reconcile;

import static io.ballast.agent.testsupport.Await.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.agent.state.AgentDatabase;
import io.ballast.agent.state.EventJournal;
import io.ballast.agent.state.SpecStore;
import io.ballast.agent.testsupport.InMemoryDataPlane;
import io.ballast.agent.testsupport.ManualHealthMonitor;
import io.ballast.agent.testsupport.ScriptedFailoverEngine;
import io.ballast.agent.testsupport.Specs;
import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.api.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The failover role drives the table (streamline), and the table's state drives readiness for fail-back. */
class RoleAndReadinessTest {

    @TempDir
    Path dir;

    @Test
    void streamlineStandbyHoldsNoServiceUntilItBecomesMaster() throws Exception {
        ClusterSpec base = Specs.cluster(2, 2, 1);
        ClusterSpec streamline = new ClusterSpec(base.schemaVersion(), base.name(), ClusterForm.STREAMLINE, 0,
                List.of(), base.virtualServices(), null);
        InMemoryDataPlane plane = new InMemoryDataPlane(null);
        ScriptedFailoverEngine failover = new ScriptedFailoverEngine(Role.BACKUP);
        try (AgentDatabase db = AgentDatabase.open(dir.resolve("a.db"));
             Reconciler reconciler = new Reconciler(plane, SpecStore.open(dir.resolve("spec")),
                     new EventJournal(db, Clock.systemUTC()), new ManualHealthMonitor(), failover, streamline)) {
            reconciler.start(Duration.ofHours(1));
            assertThat(plane.readTable()).isEmpty();
            failover.become(Role.MASTER);
            eventually(() -> assertThat(plane.readTable()).hasSize(2));
        }
    }

    @Test
    void reconcilerReportsConvergedOnlyWhileItsTableMatchesTheSpec() throws Exception {
        InMemoryDataPlane plane = new InMemoryDataPlane(null);
        ScriptedFailoverEngine failover = new ScriptedFailoverEngine(Role.BACKUP);
        try (AgentDatabase db = AgentDatabase.open(dir.resolve("a.db"));
             Reconciler reconciler = new Reconciler(plane, SpecStore.open(dir.resolve("spec")),
                     new EventJournal(db, Clock.systemUTC()), new ManualHealthMonitor(), failover, Specs.cluster(1, 3, 2))) {
            reconciler.start(Duration.ofMillis(200));
            // The readiness gate turns this into fail-back readiness (ReadinessGateTest).
            assertThat(reconciler.converged()).isTrue();
            plane.tamper(List.of());
            plane.failAtStep(1);
            eventually(() -> assertThat(reconciler.converged()).isFalse());
            eventually(() -> assertThat(reconciler.converged()).isTrue());
            assertThat(plane.readTable()).hasSize(1);
        }
    }
}
