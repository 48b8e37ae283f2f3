package io.ballast.model.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.model.ForwardingMethod;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A plan fits only the table it was made from; applied elsewhere it is refused, and says why. */
class PlanApplierTest {

    private static VirtualService web(RealServer... servers) {
        return new VirtualService("web", Protocol.TCP, "203.0.113.10", 80, null, null, Scheduler.WRR, Set.of(), null,
                ForwardingMethod.NAT, null, null, List.of(servers));
    }

    @Test
    void planAppliedToItsSourceGivesItsTarget() {
        List<VirtualService> from = List.of(web(RealServer.of(null, "198.51.100.21", 80, 1)));
        List<VirtualService> to = List.of(web(RealServer.of(null, "198.51.100.21", 80, 4),
                RealServer.of(null, "198.51.100.22", 80, 1)));

        assertThat(PlanApplier.apply(Planner.between(from, to), from)).isEqualTo(to);
    }

    @Test
    void addingAServerThatIsAlreadyThereIsRefused() {
        List<VirtualService> from = List.of(web());
        List<VirtualService> to = List.of(web(RealServer.of(null, "198.51.100.21", 80, 1)));
        Plan plan = Planner.between(from, to);

        assertThatThrownBy(() -> PlanApplier.apply(plan, to))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("198.51.100.21:80").hasMessageContaining("already there");
    }

    @Test
    void editingAServiceThatIsNotThereIsRefused() {
        List<VirtualService> from = List.of(web());
        List<VirtualService> to = List.of(web(RealServer.of(null, "198.51.100.21", 80, 1)));
        Plan plan = Planner.between(from, to);

        assertThatThrownBy(() -> PlanApplier.apply(plan, List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tcp/203.0.113.10:80 is not in the table");
    }
}
