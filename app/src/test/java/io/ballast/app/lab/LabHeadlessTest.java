package io.ballast.app.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.app.main.LiveCluster;
import io.ballast.app.timeline.TimelineEntry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The lab as a person runs it: real agent processes, real servers and traffic on loopback, then a crash. */
class LabHeadlessTest {

    private static final Duration BUDGET = Duration.ofSeconds(90);

    @BeforeAll
    static void agentIsBuilt() {
        LabRequirements.requireAgentJar();
    }

    @ParameterizedTest
    @EnumSource(LabForm.class)
    void killingTheMasterIsSurvivedAndTrafficResumesAndTheClientShowsIt(LabForm form) throws Exception {
        try (Lab lab = Lab.start(form, 2, 50);
             ThreadedTaskExecutor executor = new ThreadedTaskExecutor()) {
            LiveCluster client = new LiveCluster(System::currentTimeMillis);
            client.connect(List.copyOf(lab.endpoints().values()), executor);
            DrillResult result = new FailoverDrill(lab).run(BUDGET);

            assertThat(result.recovered()).as(result.describe()).isTrue();
            if (form == LabForm.SINGLE) {
                assertThat(result.newMaster()).as("a single director has nobody to take over").isNull();
            } else {
                assertThat(result.newMaster()).isNotNull().isNotEqualTo(result.killed());
                assertThat(result.takeoverMs()).isPositive();
                TimelineEntry failover = ClientTimeline.awaitFailover(client, executor, result.newMaster());
                assertThat(failover.takeoverMillis()).as("takeover time on the timeline").isNotNull().isPositive();
            }
            client.close();
        }
    }

    @Test
    void quittingTheLabLeavesNoProcessBehind() throws Exception {
        List<ProcessHandle> started;
        try (Lab lab = Lab.start(LabForm.HA_PAIR, 2, 10)) {
            started = lab.livePids().stream().map(ProcessHandle::of).flatMap(java.util.Optional::stream).toList();
            assertThat(started).hasSize(2 + 2 + 1);
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (started.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(started).noneMatch(ProcessHandle::isAlive);
    }
}
