package io.ballast.model.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.AdminState;
import io.ballast.model.CheckType;
import io.ballast.model.FailAction;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.HealthCheck;
import io.ballast.model.Persistence;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each operation reads as one line an operator understands before pressing apply. */
class PlanSummaryTest {

    private static final ServiceKey WEB = ServiceKey.of(Protocol.TCP, "203.0.113.10", 443);

    private static VirtualService service(String name, Scheduler scheduler, Set<SchedulerFlag> flags,
                                          Persistence persistence, HealthCheck check, RealServer... servers) {
        return new VirtualService(name, Protocol.TCP, "203.0.113.10", 443, null, null, scheduler, flags, persistence,
                ForwardingMethod.NAT, null, check, List.of(servers));
    }

    @Test
    void addedRealServerShowsServiceEndpointAndWeight() {
        assertThat(new AddRealServer(WEB, RealServer.of(null, "198.51.100.21", 443, 5)).summary())
                .isEqualTo("tcp/203.0.113.10:443 — add real server 198.51.100.21:443 weight 5");
    }

    @Test
    void namedRealServerShowsItsNameBeforeItsEndpoint() {
        assertThat(new AddRealServer(WEB, RealServer.of("web-4", "198.51.100.21", 443, 5)).summary())
                .isEqualTo("tcp/203.0.113.10:443 — add real server web-4 198.51.100.21:443 weight 5");
    }

    @Test
    void ipv6EndpointsAreBracketed() {
        ServiceKey v6 = ServiceKey.of(Protocol.TCP, "2001:db8::10", 443);

        assertThat(new AddRealServer(v6, RealServer.of(null, "2001:db8:1::21", 8443, 1)).summary())
                .isEqualTo("tcp/[2001:db8::10]:443 — add real server [2001:db8:1::21]:8443 weight 1");
    }

    @Test
    void weightChangeShowsBeforeAndAfter() {
        RealServer before = RealServer.of(null, "198.51.100.21", 443, 5);

        assertThat(new EditRealServer(WEB, before, before.withWeight(10)).summary())
                .isEqualTo("tcp/203.0.113.10:443 — real server 198.51.100.21:443: weight 5 → 10");
    }

    @Test
    void drainShowsTheStateChange() {
        RealServer before = RealServer.of(null, "198.51.100.21", 443, 5);

        assertThat(new EditRealServer(WEB, before, before.withState(AdminState.DRAIN)).summary())
                .isEqualTo("tcp/203.0.113.10:443 — real server 198.51.100.21:443: state active → drain");
    }

    @Test
    void removedRealServerWarnsAboutOpenConnections() {
        assertThat(new RemoveRealServer(WEB, RealServer.of(null, "198.51.100.21", 443, 5)).summary())
                .isEqualTo("tcp/203.0.113.10:443 — remove real server 198.51.100.21:443"
                        + " (open connections are dropped unless it was drained first)");
    }

    @Test
    void schedulerAndFlagsChangeReadsInIpvsadmWords() {
        VirtualService before = service("web", Scheduler.WLC, Set.of(), null, null);
        VirtualService after = service("web", Scheduler.SH, Set.of(SchedulerFlag.SH_PORT, SchedulerFlag.SH_FALLBACK),
                null, null);

        assertThat(new EditService(before, after).summary())
                .isEqualTo("web (tcp/203.0.113.10:443) — scheduler wlc → sh, flags none → sh-fallback, sh-port");
    }

    @Test
    void persistenceChangeShowsTimeoutAndNetmask() {
        VirtualService before = service(null, Scheduler.WLC, Set.of(), null, null);
        VirtualService after = service(null, Scheduler.WLC, Set.of(), new Persistence(300, "255.255.255.0"), null);

        assertThat(new EditService(before, after).summary())
                .isEqualTo("tcp/203.0.113.10:443 — persistence none → 300 s per 255.255.255.0");
    }

    @Test
    void healthCheckChangeShowsKindAndInterval() {
        HealthCheck http = new HealthCheck(CheckType.HTTP, 2000, 1000, 2, 3, null, "/healthz", null, List.of(), null,
                List.of(), FailAction.QUIESCE);
        VirtualService before = service(null, Scheduler.WLC, Set.of(), null, HealthCheck.tcp(2000, 1000, 2, 3));
        VirtualService after = service(null, Scheduler.WLC, Set.of(), null, http);

        assertThat(new EditService(before, after).summary()).isEqualTo(
                "tcp/203.0.113.10:443 — health check tcp every 2000 ms → http /healthz every 2000 ms");
    }

    @Test
    void addedAndRemovedServicesCountTheirRealServers() {
        VirtualService one = service("web", Scheduler.WRR, Set.of(), null, null,
                RealServer.of(null, "198.51.100.21", 443, 1));
        VirtualService two = service("web", Scheduler.WRR, Set.of(), null, null,
                RealServer.of(null, "198.51.100.21", 443, 1), RealServer.of(null, "198.51.100.22", 443, 1));

        assertThat(new AddService(one).summary()).isEqualTo("web (tcp/203.0.113.10:443) — add service (wrr, 1 real server)");
        assertThat(new RemoveService(two).summary())
                .isEqualTo("web (tcp/203.0.113.10:443) — remove service and its 2 real servers");
    }

    @Test
    void largeFirewallMarkReadsAsUnsigned() {
        assertThat(new AddRealServer(ServiceKey.ofMark(-2), RealServer.of(null, "198.51.100.51", 0, 1)).summary())
                .isEqualTo("fwm/4294967294 — add real server 198.51.100.51:0 weight 1");
    }

    @Test
    void planListsSummariesInOrderAdditionsFirst() {
        VirtualService before = service(null, Scheduler.WRR, Set.of(), null, null,
                RealServer.of(null, "198.51.100.21", 443, 1), RealServer.of(null, "198.51.100.22", 443, 1));
        VirtualService after = service(null, Scheduler.WRR, Set.of(), null, null,
                RealServer.of(null, "198.51.100.22", 443, 3), RealServer.of(null, "198.51.100.23", 443, 1));

        assertThat(Planner.between(List.of(before), List.of(after)).summaries()).containsExactly(
                "tcp/203.0.113.10:443 — add real server 198.51.100.23:443 weight 1",
                "tcp/203.0.113.10:443 — real server 198.51.100.22:443: weight 1 → 3",
                "tcp/203.0.113.10:443 — remove real server 198.51.100.21:443"
                        + " (open connections are dropped unless it was drained first)");
    }
}
