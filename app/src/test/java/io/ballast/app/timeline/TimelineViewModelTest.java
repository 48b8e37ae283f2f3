package io.ballast.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.app.connection.ConnectionState;
import io.ballast.app.testsupport.Simulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineViewModelTest {

    private final TimelineViewModel vm = new TimelineViewModel();

    @Test
    void eachDirectorHasItsOwnLaneInSpecOrder() {
        vm.setDirectors(List.of("lb-a", "lb-b"));
        vm.accept("lb-b", Simulator.roleChange(1, 1_000, "lb-b", "BACKUP", "MASTER", 182L));
        assertThat(vm.lanes()).extracting(Lane::director).containsExactly("lb-a", "lb-b");
        assertThat(vm.lanes().get(0).entries()).isEmpty();
        assertThat(vm.lanes().get(1).entries()).hasSize(1);
    }

    @Test
    void backupBecomingMasterIsAFailoverWithItsTakeoverTime() {
        vm.accept("lb-b", Simulator.roleChange(1, 1_000, "lb-b", "BACKUP", "MASTER", 182L));
        TimelineEntry entry = vm.recent().get(0);
        assertThat(entry.kind()).isEqualTo(EntryKind.FAILOVER);
        assertThat(entry.takeoverMillis()).isEqualTo(182L);
        assertThat(entry.title()).isEqualTo("lb-b took over as MASTER in 182 ms");
        assertThat(vm.lastFailoverProperty().get()).isEqualTo(entry);
    }

    @Test
    void firstElectionAfterStartIsNotAFailover() {
        vm.accept("lb-a", Simulator.roleChange(1, 1_000, "lb-a", "INIT", "MASTER", null));
        assertThat(vm.recent().get(0).kind()).isEqualTo(EntryKind.ROLE_CHANGE);
        assertThat(vm.lastFailoverProperty().get()).isNull();
    }

    @Test
    void sameEventSeenAgainAfterReconnectIsKeptOnce() {
        vm.accept("lb-a", Simulator.event(7, 1_000, "APPLY", "lb-a", "applied", Map.of("revision", "12")));
        vm.accept("lb-a", Simulator.event(7, 1_000, "APPLY", "lb-a", "applied", Map.of("revision", "12")));
        assertThat(vm.recent()).hasSize(1);
        assertThat(vm.recent().get(0).title()).isEqualTo("applied revision 12");
    }

    @Test
    void splitBrainIsCriticalRaisesTheFlagAndNotifies() {
        List<TimelineEntry> notified = new ArrayList<>();
        vm.setOnNotify(notified::add);
        vm.accept("lb-a", Simulator.event(3, 1_000, "SPLIT_BRAIN", "lb-a", "lb-b also holds 203.0.113.10", Map.of()));
        assertThat(vm.splitBrainProperty().get()).isTrue();
        assertThat(notified).singleElement().satisfies(e -> assertThat(e.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void healthTransitionsAreMarkedOnTheLaneOfTheDirectorThatSawThem() {
        vm.accept("lb-a", Simulator.event(4, 2_000, "HEALTH", "lb-a", "web-2 down",
                Map.of("realServer", "198.51.100.22:80", "up", "false")));
        TimelineEntry entry = vm.lanes().get(0).entries().get(0);
        assertThat(entry.severity()).isEqualTo(Severity.WARNING);
        assertThat(entry.title()).isEqualTo("198.51.100.22:80 failed its check");
    }

    @Test
    void entriesArriveOutOfOrderButLaneStaysInTimeOrder() {
        vm.accept("lb-a", Simulator.event(2, 5_000, "APPLY", "lb-a", "", Map.of()));
        vm.accept("lb-a", Simulator.event(1, 3_000, "APPLY", "lb-a", "", Map.of()));
        assertThat(vm.lanes().get(0).entries()).extracting(TimelineEntry::atMillis).containsExactly(3_000L, 5_000L);
    }

    @Test
    void losingAndRegainingADirectorIsMarkedOnceEach() {
        vm.connectionChanged("lb-a", ConnectionState.CONNECTED, "ok", 1_000);
        vm.connectionChanged("lb-a", ConnectionState.UNREACHABLE, "timed out", 2_000);
        vm.connectionChanged("lb-a", ConnectionState.CONNECTING, "retry", 3_000);
        vm.connectionChanged("lb-a", ConnectionState.UNREACHABLE, "timed out", 4_000);
        vm.connectionChanged("lb-a", ConnectionState.CONNECTED, "ok", 5_000);
        assertThat(vm.lanes().get(0).entries()).extracting(TimelineEntry::title)
                .containsExactly("lb-a connected", "lb-a unreachable", "lb-a connected");
    }

    @Test
    void laneIsBounded() {
        for (int i = 1; i <= TimelineViewModel.LANE_LIMIT + 50; i++) {
            vm.accept("lb-a", Simulator.event(i, i, "APPLY", "lb-a", "", Map.of()));
        }
        assertThat(vm.lanes().get(0).entries()).hasSize(TimelineViewModel.LANE_LIMIT);
        assertThat(vm.lanes().get(0).entries().get(0).atMillis()).isEqualTo(51L);
    }
}
