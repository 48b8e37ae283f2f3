package io.ballast.agent.dataplane.userspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.agent.dataplane.DataPlane;
import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.dataplane.DataPlaneProvider;
import io.ballast.agent.dataplane.PlaneOptions;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import io.ballast.model.plan.AddService;
import io.ballast.model.plan.Plan;
import io.ballast.model.plan.RemoveService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserspacePlaneProviderTest {

    private static final PlaneOptions OPTIONS = new PlaneOptions("test", Path.of("."), Map.of());

    @Test
    void serviceLoaderFindsTheUserspacePlaneByName() throws Exception {
        DataPlaneProvider provider = ServiceLoader.load(DataPlaneProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("userspace"))
                .findFirst().orElseThrow();

        try (DataPlane plane = provider.open(OPTIONS)) {
            assertThat(plane.capabilities().plane()).isEqualTo("userspace");
            assertThat(plane.capabilities().lab()).isTrue();
            assertThat(plane.capabilities().schedulers()).containsExactlyInAnyOrder(Scheduler.values());
            assertThat(plane.capabilities().protocols()).containsExactlyInAnyOrder(Protocol.TCP, Protocol.UDP);
            assertThat(plane.readTable()).isEmpty();
        }
    }

    @Test
    void badSettingIsRefusedWithItsName() {
        assertThatThrownBy(() -> UserspaceDataPlane.open(
                new PlaneOptions("test", Path.of("."), Map.of("udpIdleTimeoutSeconds", "soon"))))
                .isInstanceOf(DataPlaneException.class)
                .hasMessageContaining("udpIdleTimeoutSeconds")
                .hasMessageContaining("'soon'");
        assertThatThrownBy(() -> UserspaceDataPlane.open(
                new PlaneOptions("test", Path.of("."), Map.of("mhTableSize", "65536"))))
                .hasMessageContaining("must be a prime");
    }

    @Test
    void sctpAndFirewallMarkServicesAreRefusedNamingThePlane() throws Exception {
        try (UserspaceDataPlane plane = UserspaceDataPlane.open(OPTIONS)) {
            RealServer rs = RealServer.of(null, "127.0.0.1", 9, 1);
            VirtualService sctp = new VirtualService(null, Protocol.SCTP, "127.0.0.1", 9, null, null, Scheduler.RR,
                    Set.of(), null, null, null, null, List.of(rs));
            VirtualService mark = new VirtualService(null, null, null, 0, 7, "inet", Scheduler.RR,
                    Set.of(), null, null, null, null, List.of(rs));

            assertThatThrownBy(() -> plane.apply(new Plan(List.of(new AddService(sctp)))))
                    .hasMessage("sctp/127.0.0.1:9 — add service: the userspace plane balances tcp and udp, not sctp");
            assertThatThrownBy(() -> plane.apply(new Plan(List.of(new AddService(mark)))))
                    .hasMessageStartingWith("fwm/7 — add service: the userspace plane cannot balance firewall-mark");
            assertThat(plane.readTable()).isEmpty();
        }
    }

    @Test
    void planFromAnotherTableIsRefusedAndChangesNothing() throws Exception {
        try (UserspaceDataPlane plane = UserspaceDataPlane.open(OPTIONS)) {
            VirtualService ghost = new VirtualService(null, Protocol.TCP, "127.0.0.1", 9, null, null, Scheduler.RR,
                    Set.of(), null, null, null, null, List.of());

            assertThatThrownBy(() -> plane.apply(new Plan(List.of(new RemoveService(ghost)))))
                    .isInstanceOf(DataPlaneException.class)
                    .hasMessageContaining("does not fit")
                    .hasMessageContaining("tcp/127.0.0.1:9 is not in the table");
            assertThat(plane.readTable()).isEmpty();
        }
    }
}
