package io.ballast.model.validate;

import static io.ballast.model.validate.Fixtures.director;
import static io.ballast.model.validate.Fixtures.editServer;
import static io.ballast.model.validate.Fixtures.editService;
import static io.ballast.model.validate.Fixtures.paths;
import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.ClusterSpec;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.OsType;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SINGLE, HA_PAIR and STREAMLINE each ask for their own directors and failover settings. */
class FormRulesTest {

    @Test
    void validSpecOfEachFormHasNoProblems() {
        assertThat(Validator.validate(Fixtures.single())).isEmpty();
        assertThat(Validator.validate(Fixtures.haPair())).isEmpty();
        assertThat(Validator.validate(Fixtures.streamline())).isEmpty();
    }

    @Test
    void singleClusterHasExactlyOneDirector() {
        ClusterSpec spec = Fixtures.withDirectors(Fixtures.single(),
                director("lb-1", "192.0.2.11", 100), director("lb-2", "192.0.2.12", 90));

        assertThat(Validator.validate(spec)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/directors");
            assertThat(p.message()).contains("exactly one director").contains("found 2");
        });
    }

    @Test
    void haPairHasExactlyTwoDirectors() {
        ClusterSpec spec = Fixtures.withDirectors(Fixtures.haPair(), director("lb-a", "192.0.2.11", 150));

        assertThat(paths(spec)).containsExactly("/directors");
    }

    @Test
    void haPairDirectorsNeedDistinctPriorities() {
        ClusterSpec spec = Fixtures.withDirectors(Fixtures.haPair(),
                director("lb-a", "192.0.2.11", 100), director("lb-b", "192.0.2.12", 100));

        assertThat(Validator.validate(spec)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/directors/1/priority");
            assertThat(p.message()).contains("/directors/0");
        });
    }

    @Test
    void haPairPriorityIsAVrrpPriority() {
        ClusterSpec spec = Fixtures.withDirectors(Fixtures.haPair(),
                director("lb-a", "192.0.2.11", 255), director("lb-b", "192.0.2.12", 0));

        assertThat(paths(spec)).containsExactly("/directors/0/priority", "/directors/1/priority");
    }

    @Test
    void haPairNeedsFailoverSettings() {
        assertThat(paths(Fixtures.withFailover(Fixtures.haPair(), null))).containsExactly("/failover");
    }

    @Test
    void singleClusterNeedsNoFailoverSettings() {
        assertThat(Fixtures.single().failover()).isNull();
        assertThat(Validator.validate(Fixtures.single())).isEmpty();
    }

    @Test
    void missingFormIsReported() {
        ClusterSpec spec = Fixtures.single();
        ClusterSpec formless = new ClusterSpec(spec.schemaVersion(), spec.name(), null, spec.revision(),
                spec.directors(), spec.virtualServices(), null);

        assertThat(paths(formless)).containsExactly("/form");
    }

    @Test
    void streamlineNeedsTwoOrMoreNodes() {
        ClusterSpec spec = Fixtures.withDirectors(Fixtures.streamline(), director("node-a", "192.0.2.21", 150));

        assertThat(paths(spec)).containsExactly("/directors");
    }

    @Test
    void streamlineNodeMustServeEveryService() {
        ClusterSpec spec = editService(Fixtures.streamline(), 1,
                vs -> vs.withRealServers(vs.realServers().subList(0, 1)));

        assertThat(Validator.validate(spec)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/virtualServices/1/realServers");
            assertThat(p.message()).contains("node-b").contains("192.0.2.22");
        });
    }

    @Test
    void streamlineRefusesAWindowsRealServer() {
        ClusterSpec spec = editServer(Fixtures.streamline(), 0, 1, rs -> new RealServer(rs.name(), rs.address(),
                rs.port(), rs.weight(), rs.forwarding(), 0, 0, OsType.WINDOWS, rs.state()));

        assertThat(Validator.validate(spec)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/virtualServices/0/realServers/1/os");
            assertThat(p.message()).contains("Linux");
        });
    }

    @Test
    void streamlineRefusesTunnelForwarding() {
        ClusterSpec spec = editService(Fixtures.streamline(), 0, vs -> new VirtualService(vs.name(), vs.protocol(),
                vs.address(), vs.port(), null, null, vs.scheduler(), vs.schedulerFlags(), null, ForwardingMethod.TUN,
                null, vs.healthCheck(), vs.realServers()));

        assertThat(paths(spec)).containsExactly("/virtualServices/0/forwarding");
    }

    @Test
    void streamlineAcceptsNatForwarding() {
        ClusterSpec spec = editService(Fixtures.streamline(), 0, vs -> new VirtualService(vs.name(), vs.protocol(),
                vs.address(), vs.port(), null, null, vs.scheduler(), vs.schedulerFlags(), null, ForwardingMethod.NAT,
                null, vs.healthCheck(), vs.realServers()));

        assertThat(Validator.validate(spec)).isEmpty();
    }

    @Test
    void streamlineWithThreeNodesChecksEachOfThem() {
        ClusterSpec spec = Fixtures.streamline();
        List<io.ballast.model.Director> three = new ArrayList<>(spec.directors());
        three.add(director("node-c", "192.0.2.23", 50));
        ClusterSpec bigger = Fixtures.withDirectors(spec, three.toArray(io.ballast.model.Director[]::new));

        assertThat(paths(bigger)).containsExactly("/virtualServices/0/realServers", "/virtualServices/1/realServers");
    }
}
