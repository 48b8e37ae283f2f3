package io.ballast.model.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.FailoverSettings;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Changes outside the tables — directors, failover, the cluster itself — are shown to the operator too. */
class SpecChangesTest {

    private static final Director LB_A = new Director("lb-a", "192.0.2.11", "https://192.0.2.11:9443", 150, "eth0");
    private static final Director LB_B = new Director("lb-b", "192.0.2.12", "https://192.0.2.12:9443", 100, "eth0");
    private static final FailoverSettings FAILOVER =
            new FailoverSettings(51, 1000, true, 30, List.of(), false, List.of());

    private static ClusterSpec spec(String name, List<Director> directors, FailoverSettings failover) {
        VirtualService web = new VirtualService(null, Protocol.TCP, "203.0.113.10", 80, null, null, Scheduler.RR,
                Set.of(), null, null, null, null, List.of(RealServer.of(null, "198.51.100.21", 80, 1)));
        return new ClusterSpec(1, name, ClusterForm.HA_PAIR, 1, directors, List.of(web), failover);
    }

    @Test
    void sameSpecHasNoChangesEvenWithAnotherRevision() {
        ClusterSpec spec = spec("edge", List.of(LB_A, LB_B), FAILOVER);

        assertThat(SpecChanges.between(spec, spec.withRevision(9))).isEmpty();
    }

    @Test
    void advertIntervalChangeIsShownWithUnits() {
        FailoverSettings faster = new FailoverSettings(51, 100, true, 30, List.of(), false, List.of());

        assertThat(SpecChanges.between(spec("edge", List.of(LB_A, LB_B), FAILOVER),
                spec("edge", List.of(LB_A, LB_B), faster)))
                .containsExactly("failover: advert interval 1000 ms → 100 ms");
    }

    @Test
    void directorPriorityChangeNamesTheDirector() {
        Director promoted = new Director("lb-b", "192.0.2.12", "https://192.0.2.12:9443", 160, "eth0");

        assertThat(SpecChanges.between(spec("edge", List.of(LB_A, LB_B), FAILOVER),
                spec("edge", List.of(LB_A, promoted), FAILOVER)))
                .containsExactly("director lb-b: priority 100 → 160");
    }

    @Test
    void addedAndRemovedDirectorsAreListed() {
        Director lbC = new Director("lb-c", "192.0.2.13", "https://192.0.2.13:9443", 90, "eth0");

        assertThat(SpecChanges.between(spec("edge", List.of(LB_A, LB_B), FAILOVER),
                spec("edge", List.of(LB_A, lbC), FAILOVER)))
                .containsExactly("director lb-c: added (192.0.2.13, priority 90)", "director lb-b: removed (192.0.2.12)");
    }

    @Test
    void nameAndFailoverRemovalAreListed() {
        assertThat(SpecChanges.between(spec("edge", List.of(LB_A), FAILOVER), spec("edge-2", List.of(LB_A), null)))
                .containsExactly("cluster: name edge → edge-2",
                        "failover: removed; the VIPs no longer move to another director");
    }

    @Test
    void tableChangesAreLeftToThePlanner() {
        ClusterSpec before = spec("edge", List.of(LB_A, LB_B), FAILOVER);
        ClusterSpec after = before.withVirtualServices(List.of());

        assertThat(SpecChanges.between(before, after)).isEmpty();
        assertThat(Planner.between(before, after).size()).isEqualTo(1);
    }
}
