package io.ballast.model.validate;

import static io.ballast.model.validate.Fixtures.editService;
import static io.ballast.model.validate.Fixtures.paths;
import static io.ballast.model.validate.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.ClusterSpec;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.Persistence;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.SorryServer;
import io.ballast.model.VirtualService;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A virtual service is identified once, by a literal VIP and port or by a firewall mark, and its settings fit. */
class ServiceRulesTest {

    private static VirtualService vip(Protocol protocol, String address, int port) {
        return new VirtualService(null, protocol, address, port, null, null, Scheduler.RR, Set.of(), null,
                ForwardingMethod.NAT, null, null, List.of());
    }

    @Test
    void duplicateVipIsReportedAtTheSecondService() {
        ClusterSpec spec = Fixtures.withServices(Fixtures.single(),
                vip(Protocol.TCP, "203.0.113.10", 80), vip(Protocol.TCP, "203.0.113.10", 80));

        assertThat(Validator.validate(spec)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/virtualServices/1");
            assertThat(p.message()).contains("tcp/203.0.113.10:80").contains("/virtualServices/0");
        });
    }

    @Test
    void twoSpellingsOfOneIpv6VipAreTheSameService() {
        ClusterSpec spec = Fixtures.withServices(Fixtures.single(),
                vip(Protocol.TCP, "2001:db8::10", 443), vip(Protocol.TCP, "2001:0db8:0:0::10", 443));

        assertThat(paths(spec)).containsExactly("/virtualServices/1");
    }

    @Test
    void sameVipAndPortWithAnotherProtocolIsAnotherService() {
        ClusterSpec spec = Fixtures.withServices(Fixtures.single(),
                vip(Protocol.TCP, "203.0.113.10", 53), vip(Protocol.UDP, "203.0.113.10", 53));

        assertThat(Validator.validate(spec)).isEmpty();
    }

    @Test
    void duplicateFirewallMarkIsReported() {
        ClusterSpec spec = Fixtures.withServices(Fixtures.single(),
                Fixtures.markService(7, "inet"), Fixtures.markService(7, "inet"));

        assertThat(paths(spec)).containsExactly("/virtualServices/1");
    }

    @Test
    void vipMustBeALiteral() {
        ClusterSpec spec = Fixtures.withServices(Fixtures.single(), vip(Protocol.TCP, "www.example.com", 80));

        assertThat(paths(spec)).containsExactly("/virtualServices/0/address");
    }

    @Test
    void vipPortRunsFromOneTo65535() {
        ClusterSpec spec = Fixtures.withServices(Fixtures.single(),
                vip(Protocol.TCP, "203.0.113.10", 0), vip(Protocol.TCP, "203.0.113.11", 65536));

        assertThat(paths(spec)).containsExactly("/virtualServices/0/port", "/virtualServices/1/port");
    }

    @Test
    void protocolIsRequiredUnlessTheServiceIsAFirewallMark() {
        ClusterSpec spec = Fixtures.withServices(Fixtures.single(), vip(null, "203.0.113.10", 80));

        assertThat(paths(spec)).containsExactly("/virtualServices/0/protocol");
    }

    @Test
    void firewallMarkServiceHasAFamilyAndNoAddressPortOrProtocol() {
        VirtualService mark = new VirtualService(null, Protocol.TCP, "203.0.113.10", 80, 7, null, Scheduler.RR,
                Set.of(), null, ForwardingMethod.DR, null, null, List.of());

        assertThat(paths(Fixtures.withServices(Fixtures.single(), mark))).containsExactlyInAnyOrder(
                "/virtualServices/0/addressFamily", "/virtualServices/0/address",
                "/virtualServices/0/port", "/virtualServices/0/protocol");
    }

    @Test
    void firewallMarkZeroMarksNothing() {
        assertThat(paths(Fixtures.withServices(Fixtures.single(), Fixtures.markService(0, "inet6"))))
                .containsExactly("/virtualServices/0/firewallMark");
    }

    @Test
    void largestUnsignedFirewallMarkIsAccepted() {
        VirtualService mark = Fixtures.markService(-1, "inet6", RealServer.of(null, "2001:db8:1::5", 0, 1));

        assertThat(Validator.validate(Fixtures.withServices(Fixtures.single(), mark))).isEmpty();
        assertThat(mark.key()).hasToString("fwm/4294967295");
    }

    @Test
    void schedulerIsRequired() {
        ClusterSpec spec = editService(Fixtures.single(), 0, vs -> settings(vs, null, null, null, null));

        assertThat(Validator.validate(spec)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/virtualServices/0/scheduler");
            assertThat(p.message()).contains("wrr").contains("mh");
        });
    }

    @Test
    void schedulerFlagMustBelongToTheScheduler() {
        ClusterSpec spec = editService(Fixtures.single(), 0,
                vs -> settings(vs, Scheduler.SH, Set.of(SchedulerFlag.SH_PORT, SchedulerFlag.MH_FALLBACK), null, null));

        assertThat(Validator.validate(spec)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/virtualServices/0/schedulerFlags");
            assertThat(p.message()).startsWith("mh-fallback belongs to the mh scheduler, not sh");
        });
    }

    @Test
    void persistenceNeedsAPositiveTimeout() {
        ClusterSpec spec = editService(Fixtures.single(), 0,
                vs -> settings(vs, vs.scheduler(), null, new Persistence(0, null), null));

        assertThat(paths(spec)).containsExactly("/virtualServices/0/persistence/timeoutSeconds");
    }

    @Test
    void persistenceNetmaskFitsTheFamily() {
        ClusterSpec spec = editService(Fixtures.single(), 0,
                vs -> settings(vs, vs.scheduler(), null, new Persistence(300, "255.0.255.0"), null));
        spec = editService(spec, 1, vs -> settings(vs, vs.scheduler(), null, new Persistence(300, "129"), null));

        assertThat(paths(spec)).containsExactly("/virtualServices/0/persistence/netmask",
                "/virtualServices/1/persistence/netmask");
    }

    @Test
    void validNetmasksOfBothFamiliesAreAccepted() {
        ClusterSpec spec = editService(Fixtures.single(), 0,
                vs -> settings(vs, vs.scheduler(), null, new Persistence(300, "255.255.255.0"), null));
        spec = editService(spec, 1, vs -> settings(vs, vs.scheduler(), null, new Persistence(300, "64"), null));

        assertThat(Validator.validate(spec)).isEmpty();
    }

    @Test
    void sorryServerIsALiteralWithAPort() {
        ClusterSpec spec = editService(Fixtures.single(), 0, vs -> new VirtualService(vs.name(), vs.protocol(),
                vs.address(), vs.port(), null, null, vs.scheduler(), vs.schedulerFlags(), null, vs.forwarding(),
                new SorryServer("sorry.example.com", 0), vs.healthCheck(), vs.realServers()));

        assertThat(paths(spec)).containsExactly("/virtualServices/0/sorryServer/address",
                "/virtualServices/0/sorryServer/port");
    }
}
