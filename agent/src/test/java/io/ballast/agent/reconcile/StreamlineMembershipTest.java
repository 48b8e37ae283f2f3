package io.ballast.agent.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.FailoverSettings;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamlineMembershipTest {

    @Test
    void aDirectorThatLeftIsTakenOutOfEveryServiceByAddressOrName() {
        ClusterSpec spec = spec(ClusterForm.STREAMLINE);

        ClusterSpec without = StreamlineMembership.without(spec, Set.of("node-a"));

        assertThat(without.virtualServices()).allSatisfy(vs -> assertThat(vs.realServers())
                .extracting(RealServer::address).containsExactly("192.0.2.22", "198.51.100.21"));
        assertThat(spec.virtualServices().get(0).realServers()).hasSize(3);
    }

    @Test
    void otherFormsAndAnEmptySetChangeNothing() {
        assertThat(StreamlineMembership.without(spec(ClusterForm.HA_PAIR), Set.of("node-a")))
                .isEqualTo(spec(ClusterForm.HA_PAIR));
        assertThat(StreamlineMembership.without(spec(ClusterForm.STREAMLINE), Set.of()))
                .isEqualTo(spec(ClusterForm.STREAMLINE));
    }

    private static ClusterSpec spec(ClusterForm form) {
        VirtualService web = service(80, List.of(RealServer.of("web-a", "192.0.2.21", 80, 1),
                RealServer.of("node-b", "192.0.2.22", 80, 1), RealServer.of("rs1", "198.51.100.21", 80, 1)));
        VirtualService tls = service(443, List.of(RealServer.of("node-a", "192.0.2.99", 443, 1),
                RealServer.of("x", "192.0.2.22", 443, 1), RealServer.of("rs1", "198.51.100.21", 443, 1)));
        return new ClusterSpec(ClusterSpec.SCHEMA_VERSION, "s", form, 1,
                List.of(new Director("node-a", "192.0.2.21", "https://192.0.2.21:9443", 150, "eth0"),
                        new Director("node-b", "192.0.2.22", "https://192.0.2.22:9443", 100, "eth0")),
                List.of(web, tls), new FailoverSettings(30, 50, true, 0, List.of(), false, List.of()));
    }

    private static VirtualService service(int port, List<RealServer> servers) {
        return new VirtualService("web" + port, Protocol.TCP, "203.0.113.30", port, null, null, Scheduler.RR, Set.of(),
                null, ForwardingMethod.NAT, null, null, servers);
    }
}
