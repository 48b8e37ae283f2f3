package io.ballast.app.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.app.concurrent.CurrentThreadTaskExecutor;
import io.ballast.app.testsupport.FakeAgent;
import io.ballast.tls.Fingerprints;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddClusterViewModelTest {

    @TempDir
    static Path dir;
    static FakeAgent agent;

    @BeforeAll
    static void start() throws Exception {
        agent = new FakeAgent(dir);
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    private AddClusterViewModel form(String fingerprints) {
        AddClusterViewModel vm = AddClusterViewModel.withAgents(new CurrentThreadTaskExecutor());
        vm.nameProperty().set("payments");
        vm.addressesProperty().set(agent.address());
        vm.tokenProperty().set(FakeAgent.TOKEN);
        vm.expectedFingerprintsProperty().set(fingerprints);
        return vm;
    }

    @Test
    void unknownFingerprintIsShownAndNeedsTheOperatorsConfirmation() {
        AddClusterViewModel vm = form("");
        vm.check();
        assertThat(vm.probes()).singleElement().satisfies(p -> {
            assertThat(p.fingerprint()).isEqualTo(agent.fingerprint());
            assertThat(p.matches()).isNull();
        });
        assertThat(vm.canSaveBinding().get()).isFalse();
        vm.trustConfirmedProperty().set(true);
        assertThat(vm.canSaveBinding().get()).isTrue();
        assertThat(vm.result().agents().get(0).fingerprint()).isEqualTo(agent.fingerprint());
    }

    @Test
    void pastedMatchingFingerprintNeedsNoFurtherConfirmation() {
        AddClusterViewModel vm = form(Fingerprints.display(agent.fingerprint()));
        vm.check();
        assertThat(vm.canSaveBinding().get()).isTrue();
    }

    @Test
    void mismatchingFingerprintCannotBeSavedEvenWhenConfirmed() {
        AddClusterViewModel vm = form("ef".repeat(32));
        vm.check();
        vm.trustConfirmedProperty().set(true);
        assertThat(vm.probes().get(0).matches()).isFalse();
        assertThat(vm.canSaveBinding().get()).isFalse();
        assertThatThrownBy(vm::result).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void missingTokenIsSaidBeforeAnyAgentIsContacted() {
        AddClusterViewModel vm = form("");
        vm.tokenProperty().set("");
        vm.check();
        assertThat(vm.problemProperty().get()).contains("token");
        assertThat(vm.probes()).isEmpty();
    }

    @Test
    void editingTheAddressesVoidsEarlierChecks() {
        AddClusterViewModel vm = form(Fingerprints.display(agent.fingerprint()));
        vm.check();
        vm.addressesProperty().set(agent.address() + " 127.0.0.1:1");
        assertThat(vm.probes()).isEmpty();
        assertThat(vm.canSaveBinding().get()).isFalse();
    }
}
