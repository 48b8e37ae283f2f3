package io.ballast.agent.reconcile;

import static io.ballast.agent.testsupport.Await.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.agent.dataplane.DataPlane;
import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.failover.single.SingleFailoverEngine;
import io.ballast.agent.state.AgentDatabase;
import io.ballast.agent.state.EventJournal;
import io.ballast.agent.state.SpecStore;
import io.ballast.agent.testsupport.InMemoryDataPlane;
import io.ballast.agent.testsupport.ManualHealthMonitor;
import io.ballast.agent.testsupport.Specs;
import io.ballast.model.ClusterSpec;
import io.ballast.model.VirtualService;
import io.ballast.model.api.Capabilities;
import io.ballast.model.api.CounterSnapshot;
import io.ballast.model.plan.Plan;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The periodic drift check reads the plane's table only when the plane cannot rule drift out cheaply. */
class ReconcilerDriftCheckTest {

    /** The in-memory plane, with a cheap drift answer the test sets and a count of full reads. */
    static final class CheckedPlane implements DataPlane {
        final InMemoryDataPlane table;
        final AtomicBoolean maybe = new AtomicBoolean(true);
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger checks = new AtomicInteger();

        CheckedPlane() throws DataPlaneException {
            table = new InMemoryDataPlane(null);
        }

        @Override
        public Capabilities capabilities() {
            return table.capabilities();
        }

        @Override
        public List<VirtualService> readTable() {
            reads.incrementAndGet();
            return table.readTable();
        }

        @Override
        public boolean mayHaveDrifted() {
            checks.incrementAndGet();
            return maybe.get();
        }

        @Override
        public void apply(Plan plan) throws DataPlaneException {
            table.apply(plan);
        }

        @Override
        public CounterSnapshot sampleCounters() {
            return table.sampleCounters();
        }
    }

    @TempDir
    Path dir;
    CheckedPlane plane;
    AgentDatabase db;
    Reconciler reconciler;
    ManualHealthMonitor health = new ManualHealthMonitor();

    @BeforeEach
    void start() throws Exception {
        plane = new CheckedPlane();
        plane.maybe.set(false);
        db = AgentDatabase.open(dir.resolve("a.db"));
        SingleFailoverEngine failover = new SingleFailoverEngine();
        ClusterSpec initial = Specs.cluster(1, 3, 5);
        failover.start(initial);
        reconciler = new Reconciler(plane, SpecStore.open(dir.resolve("spec")), new EventJournal(db, Clock.systemUTC()),
                health, failover, initial);
        reconciler.start(Duration.ofMillis(50));
    }

    @AfterEach
    void stop() {
        reconciler.close();
        db.close();
    }

    @Test
    void periodicCheckDoesNotReadTheTableWhileThePlaneRulesDriftOut() throws Exception {
        int readsAfterStart = plane.reads.get();
        int checksAfterStart = plane.checks.get();

        eventually(() -> assertThat(plane.checks.get()).isGreaterThanOrEqualTo(checksAfterStart + 5));

        assertThat(plane.reads.get()).isEqualTo(readsAfterStart);
        assertThat(plane.table.readTable()).hasSize(1);
    }

    @Test
    void periodicCheckReadsAndRepairsTheTableWhenThePlaneSaysItMayHaveDrifted() throws Exception {
        plane.table.tamper(List.of());
        int checks = plane.checks.get();
        eventually(() -> assertThat(plane.checks.get()).isGreaterThanOrEqualTo(checks + 3));
        assertThat(plane.table.readTable()).as("trusted: the plane ruled drift out").isEmpty();

        plane.maybe.set(true);

        eventually(() -> assertThat(plane.table.readTable()).hasSize(1));
        assertThat(plane.reads.get()).isPositive();
    }

    @Test
    void convergenceForAHealthChangeStillReadsTheTable() throws Exception {
        int reads = plane.reads.get();

        health.set(ReconcilerTest.VS.toString(), "198.51.100.3:8080", false);

        eventually(() -> assertThat(plane.table.readTable().get(0).realServers())
                .filteredOn(s -> s.key().equals("198.51.100.3:8080")).singleElement()
                .satisfies(s -> assertThat(s.weight()).isZero()));
        assertThat(plane.reads.get()).as("a health convergence reads the table as before").isGreaterThan(reads);
    }
}
