package io.ballast.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.app.connection.AgentStatus;
import io.ballast.app.connection.ConnectionState;
import io.ballast.app.testsupport.Simulator;
import io.ballast.app.testsupport.Specs;
import io.ballast.model.ClusterSpec;
import io.ballast.model.api.Role;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClusterViewModelTest {

    private final ClusterSpec spec = Specs.haPair();
    private final Simulator simulator = new Simulator(spec);
    private ClusterViewModel vm;

    @BeforeEach
    void loadSpec() {
        vm = new ClusterViewModel();
        vm.applySpec(spec);
    }

    private void live(String director, Role role) {
        vm.applyConnection(director, ConnectionState.CONNECTED, "connected");
        vm.applyStatus(director, simulator.status(director, role, Set.of("web-2")));
    }

    @Test
    void specGivesOneItemPerDirectorVipAndRealServer() {
        assertThat(vm.directors()).extracting(DirectorItem::id).containsExactly("lb-a", "lb-b");
        assertThat(vm.vips()).extracting(VipItem::title).containsExactly("web", "api", "rdp");
        assertThat(vm.realServers()).hasSize(9);
    }

    @Test
    void liveDirectorShowsItsRoleAndVerdictsColourRealServers() {
        live("lb-a", Role.MASTER);
        assertThat(vm.director("lb-a").badgeProperty().get()).isEqualTo("MASTER");
        assertThat(server("web-1").healthProperty().get()).isEqualTo(Health.UP);
        assertThat(server("web-2").healthProperty().get()).isEqualTo(Health.DOWN);
        assertThat(server("web-2").healthDetailProperty().get()).isEqualTo("connection refused");
        assertThat(server("web-4").healthProperty().get()).isEqualTo(Health.DRAINING);
    }

    @Test
    void unreachableDirectorIsNeverShownWithItsLastRoleOrHealthyServers() {
        live("lb-a", Role.MASTER);
        vm.applyConnection("lb-a", ConnectionState.UNREACHABLE, "192.0.2.11:9443 did not answer in time");

        assertThat(vm.director("lb-a").badgeProperty().get()).isEqualTo("UNREACHABLE");
        assertThat(vm.director("lb-a").liveRole()).isNull();
        assertThat(vm.realServers()).extracting(rs -> rs.healthProperty().get())
                .containsOnly(Health.UNKNOWN);
    }

    @Test
    void differingSpecHashesFlagBothDirectors() {
        live("lb-a", Role.MASTER);
        vm.applyConnection("lb-b", ConnectionState.CONNECTED, "connected");
        AgentStatus other = simulator.status("lb-b", Role.BACKUP, Set.of());
        vm.applyStatus("lb-b", new AgentStatus("lb-b", Role.BACKUP, "ipvs", 40, "0badc0de", "HA_PAIR", 9, 0, other.verdicts()));

        assertThat(vm.specMismatchProperty().get()).isTrue();
        assertThat(vm.director("lb-a").specMismatchProperty().get()).isTrue();
        assertThat(vm.director("lb-b").specMismatchProperty().get()).isTrue();

        vm.applyStatus("lb-b", simulator.status("lb-b", Role.BACKUP, Set.of()));
        assertThat(vm.specMismatchProperty().get()).isFalse();
    }

    @Test
    void equalSpecHashesRaiseNoMismatch() {
        live("lb-a", Role.MASTER);
        live("lb-b", Role.BACKUP);
        assertThat(vm.specMismatchProperty().get()).isFalse();
    }

    @Test
    void reportedMismatchHoldsUntilBothDirectorsAgree() {
        live("lb-a", Role.MASTER);
        vm.reportSpecMismatch("lb-b");
        assertThat(vm.director("lb-b").specMismatchProperty().get()).isTrue();
        live("lb-b", Role.BACKUP);
        assertThat(vm.director("lb-b").specMismatchProperty().get()).isFalse();
    }

    @Test
    void twoLiveMastersAreSplitBrain() {
        live("lb-a", Role.MASTER);
        live("lb-b", Role.MASTER);
        assertThat(vm.splitBrainProperty().get()).isTrue();
        assertThat(vm.splitBrainTextProperty().get()).contains("lb-a").contains("lb-b");

        live("lb-b", Role.BACKUP);
        assertThat(vm.splitBrainProperty().get()).isFalse();
    }

    @Test
    void respecKeepsConnectionStateOfDirectorsThatRemain() {
        live("lb-a", Role.MASTER);
        vm.applySpec(spec.withRevision(42));
        assertThat(vm.director("lb-a").connectionProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(vm.director("lb-a").badgeProperty().get()).isEqualTo("MASTER");
    }

    @Test
    void streamlineDirectorsAreAlsoRealServers() {
        vm.applySpec(Specs.streamline());
        assertThat(vm.directors()).allMatch(DirectorItem::alsoRealServer);
        assertThat(vm.realServers()).filteredOn(rs -> rs.directorId() != null).extracting(RealServerItem::directorId)
                .containsExactly("node-a", "node-b");
    }

    private RealServerItem server(String name) {
        return vm.realServers().stream().filter(rs -> name.equals(rs.server().name())).findFirst().orElseThrow();
    }
}
