package io.ballast.agent.dataplane.ipvs;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.ForwardingMethod;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import io.ballast.model.plan.Plan;
import io.ballast.model.plan.PlanApplier;
import io.ballast.model.plan.Planner;
import java.util.List;
import org.junit.jupiter.api.Test;

class InverseOperationsTest {

    private final VirtualService web = IpvsTables.tcp("203.0.113.10", 80, Scheduler.WRR, ForwardingMethod.NAT,
            List.of(RealServer.of("a", "198.51.100.1", 80, 1), RealServer.of("b", "198.51.100.2", 80, 2)));
    private final VirtualService dns = IpvsTables.tcp("203.0.113.11", 53, Scheduler.RR, ForwardingMethod.DR,
            List.of(RealServer.of("d", "198.51.100.5", 53, 1)));

    @Test
    void undoingEveryKindOfStepGivesBackTheTableBefore() {
        List<VirtualService> before = List.of(web, dns);
        VirtualService web2 = new VirtualService(null, web.protocol(), web.address(), web.port(), null, null,
                Scheduler.WLC, web.schedulerFlags(), null, ForwardingMethod.NAT, null, null,
                List.of(RealServer.of("a", "198.51.100.1", 80, 9), RealServer.of("c", "198.51.100.3", 80, 1)));
        VirtualService mail = IpvsTables.tcp("203.0.113.12", 25, Scheduler.RR, ForwardingMethod.NAT,
                List.of(RealServer.of("m", "198.51.100.9", 25, 1)));
        List<VirtualService> after = List.of(web2, mail);
        Plan plan = Planner.between(before, after);
        assertThat(plan.summaries()).anyMatch(s -> s.contains("add service")).anyMatch(s -> s.contains("remove service"))
                .anyMatch(s -> s.contains("add real server")).anyMatch(s -> s.contains("remove real server"))
                .anyMatch(s -> s.contains("weight 1 → 9")).anyMatch(s -> s.contains("scheduler"));

        List<VirtualService> applied = PlanApplier.apply(plan, before);
        List<VirtualService> undone = PlanApplier.apply(InverseOperations.of(plan.operations()), applied);

        assertThat(IpvsTables.sorted(undone)).isEqualTo(IpvsTables.sorted(before));
    }

    @Test
    void undoingAPrefixReturnsToTheStart() {
        List<VirtualService> before = List.of(web);
        Plan plan = Planner.between(before, List.of(web.withRealServers(List.of(RealServer.of("z", "198.51.100.7", 80, 1))), dns));
        var prefix = plan.operations().subList(0, 2);

        List<VirtualService> partly = PlanApplier.apply(new Plan(prefix), before);
        List<VirtualService> undone = PlanApplier.apply(InverseOperations.of(prefix), partly);

        assertThat(partly).isNotEqualTo(before);
        assertThat(IpvsTables.sorted(undone)).isEqualTo(IpvsTables.sorted(before));
    }
}
