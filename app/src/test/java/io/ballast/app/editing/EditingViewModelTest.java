package io.ballast.app.editing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.app.editing.job.Properties;
import io.ballast.app.editing.job.SpecPath;
import io.ballast.app.testsupport.Specs;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Protocol;
import io.ballast.model.ServiceKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Files;
import java.nio.file.Path;
import io.ballast.app.editing.transfer.ClusterExport;

class EditingViewModelTest {

    private static final ServiceKey WEB = ServiceKey.of(Protocol.TCP, "203.0.113.10", 80);
    private static final ServiceKey API = ServiceKey.of(Protocol.TCP, "203.0.113.10", 443);

    private final ClusterSpec original = Specs.haPair();
    private final EditingViewModel vm = new EditingViewModel(original);

    @Test
    void anEditShowsTheNotAppliedIndicatorAndUndoClearsIt() {
        vm.addNewRealServer(WEB);

        assertThat(vm.editedProperty().get()).isTrue();
        assertThat(vm.undoTextProperty().get()).startsWith("Undo Add real server new-5 to web");
        assertThat(vm.selection()).containsExactly(new EditTarget.Server(WEB, "198.51.100.100:80"));
        vm.undo();
        assertThat(vm.editedProperty().get()).isFalse();
        assertThat(vm.specProperty().get()).isEqualTo(original);
        assertThat(vm.selection()).isEmpty();
        assertThat(vm.canRedoProperty().get()).isTrue();
    }

    @Test
    void aValueBeingTypedShowsItsProblemOnTheFieldAndTheItemBeforeItIsCommitted() {
        SpecPath<Integer> weight = SpecPath.realServer(0, 1, Properties.SERVER_WEIGHT);

        vm.typing(weight, 70000, null);

        assertThat(vm.problemsUnder("/virtualServices/0/realServers/1/weight")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("between 0 and 65535"));
        assertThat(vm.problemsUnder(vm.pointerOf(new EditTarget.Server(WEB, "198.51.100.22:80")).orElseThrow())).hasSize(1);
        assertThat(vm.history()).isEmpty();

        vm.typing(weight, null, "weight must be a whole number");
        assertThat(vm.problemsUnder("/virtualServices/0/realServers/1/weight")).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("weight must be a whole number"));

        vm.edit(weight, 30);
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.history()).containsExactly("Set weight of real server web-2 to 30");
    }

    @Test
    void copyAndPasteMovesNothingButDuplicatesTheSelectedServersIntoAnotherService() {
        vm.selection().setAll(new EditTarget.Server(WEB, "198.51.100.21:80"), new EditTarget.Server(WEB, "198.51.100.22:80"));

        String copied = vm.copySelection();

        assertThat(copied.lines()).containsExactly("198.51.100.21:80 weight 100 name web-1",
                "198.51.100.22:80 weight 80 name web-2");
        assertThat(vm.paste(API, null)).isEmpty();
        assertThat(vm.service(API).orElseThrow().realServers()).hasSize(5);
        assertThat(vm.paste(API, null)).hasSize(2);
        assertThat(vm.messageProperty().get()).startsWith("Nothing pasted: 198.51.100.21:80 is already a real server of api");
    }

    @Test
    void removingAMultiSelectionIsOneUndoableStep() {
        vm.selection().setAll(new EditTarget.Server(WEB, "198.51.100.21:80"), new EditTarget.Service(API));

        assertThat(vm.removeSelected()).isTrue();

        assertThat(vm.specProperty().get().virtualServices()).hasSize(2);
        assertThat(vm.history()).containsExactly("Remove 2 items");
        vm.undo();
        assertThat(vm.specProperty().get()).isEqualTo(original);
    }

    @Test
    void movingASelectionOfServersTakesThemAllToTheTarget() {
        vm.selection().setAll(new EditTarget.Server(WEB, "198.51.100.21:80"), new EditTarget.Server(WEB, "198.51.100.22:80"));

        assertThat(vm.moveSelectedServers(API)).isTrue();

        assertThat(vm.service(WEB).orElseThrow().realServers()).hasSize(2);
        assertThat(vm.history()).containsExactly("Move 2 real servers to api");
    }

    @Test
    void importingAFileReplacesTheEditedSpecAsOneUndoableStep(@TempDir Path dir) throws Exception {
        Path save = Files.writeString(dir.resolve("rules.txt"), """
                -A -t 203.0.113.50:80 -s rr
                -a -t 203.0.113.50:80 -r 198.51.100.7:80 -m -w 2
                """);

        vm.importFile(save);

        assertThat(vm.specProperty().get().virtualServices()).singleElement()
                .satisfies(vs -> assertThat(vs.address()).isEqualTo("203.0.113.50"));
        assertThat(vm.history()).containsExactly("Import rules.txt");
        vm.undo();
        assertThat(vm.specProperty().get()).isEqualTo(original);
    }

    @Test
    void aBrokenFileImportsNothingAndSaysWhere(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("keepalived.conf"), "global_defs {\n  router_id x\n}\n}\n");

        assertThat(vm.importFile(conf)).singleElement().asString().contains("keepalived.conf line 4");

        assertThat(vm.specProperty().get()).isEqualTo(original);
        assertThat(vm.history()).isEmpty();
        assertThat(vm.messageProperty().get()).startsWith("Nothing imported:");
    }

    @Test
    void exportWritesTheEditedSpecForTheChosenDirector() {
        vm.swapDirectorPriorities("lb-a", "lb-b");

        assertThat(vm.export(ClusterExport.Format.keepalived, "lb-b")).contains("priority 150");
    }

    @Test
    void reviewListsWhatTheApplyWouldDo() {
        vm.swapDirectorPriorities("lb-a", "lb-b");

        assertThat(vm.review(io.ballast.app.editing.review.LiveFacts.NONE).specChanges())
                .containsExactly("director lb-a: priority 150 → 100", "director lb-b: priority 100 → 150");
    }
}
