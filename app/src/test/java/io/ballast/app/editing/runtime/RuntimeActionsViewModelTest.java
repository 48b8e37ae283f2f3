package io.ballast.app.editing.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.app.concurrent.CurrentThreadTaskExecutor;
import io.ballast.app.connection.AgentClient;
import io.ballast.app.connection.AgentEndpoint;
import io.ballast.app.editing.apply.DirectorAgent;
import io.ballast.model.Protocol;
import io.ballast.model.ServiceKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the runtime actions refuse before sending anything, and how a director that cannot be reached is reported. */
class RuntimeActionsViewModelTest {

    private static final RuntimeTarget WEB_1 = new RuntimeTarget(ServiceKey.of(Protocol.TCP, "203.0.113.10", 80),
            "198.51.100.21:80", "web-1");

    private final List<String> flagged = new ArrayList<>();

    private RuntimeActionsViewModel vm(List<DirectorAgent> agents) {
        return new RuntimeActionsViewModel(() -> agents, new CurrentThreadTaskExecutor(), flagged::add);
    }

    @Test
    void nothingIsSentWithoutASelectedRealServer() {
        RuntimeActionsViewModel vm = vm(List.of());

        assertThat(vm.drain()).isFalse();
        assertThat(vm.log()).isEmpty();
    }

    @Test
    void aClusterWithoutConnectedDirectorsSaysSo() {
        RuntimeActionsViewModel vm = vm(List.of());
        vm.targetProperty().set(WEB_1);

        assertThat(vm.maintenance()).isFalse();

        assertThat(vm.messageProperty().get()).isEqualTo("maintenance not sent: no director of this cluster is connected");
    }

    @Test
    void aWeightIPVSCannotTakeIsRefusedBeforeAnythingIsSent() {
        RuntimeActionsViewModel vm = vm(List.of());
        vm.targetProperty().set(WEB_1);

        assertThat(vm.setWeight(70000)).isFalse();

        assertThat(vm.messageProperty().get()).contains("between 0 and 65535");
        assertThat(RuntimeActionsViewModel.weightProblem("7x")).contains("whole number");
        assertThat(RuntimeActionsViewModel.weightProblem(" 12 ")).isNull();
    }

    @Test
    void aDirectorThatCannotBeReachedIsFlaggedAsDifferingAndNamedInTheMessage() {
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        AgentClient nowhere = new AgentClient(AgentEndpoint.of("127.0.0.1:1", "token", "ab".repeat(32)));
        RuntimeActionsViewModel vm = vm(List.of(new DirectorAgent("lb-b", nowhere, 3)));
        vm.targetProperty().set(WEB_1);

        assertThat(vm.drain()).isTrue();

        assertThat(flagged).containsExactly("lb-b");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).startsWith("drain for web-1: the directors differ.")
                .contains("lb-b did not take drain for 198.51.100.21:80");
        assertThat(vm.log()).first().asString().isEqualTo("lb-b: sending drain for 198.51.100.21:80");
    }
}
