package io.ballast.app.editing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.app.concurrent.CurrentThreadTaskExecutor;
import io.ballast.app.editing.review.LiveFacts;
import io.ballast.app.main.ThemeManager;
import io.ballast.app.testsupport.Specs;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Protocol;
import io.ballast.model.ServiceKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Review changes (with its warnings and blocking problems) and the import report, opened from the editor, headless. */
@ExtendWith(ApplicationExtension.class)
class EditingDialogsTest {

    private static final ServiceKey WEB = ServiceKey.of(Protocol.TCP, "203.0.113.10", 80);
    private static final String WEB_1 = "198.51.100.21:80";

    @TempDir
    Path dir;

    private final ClusterSpec original = Specs.haPair();
    private EditingViewModel vm;
    private EditingView view;

    @Start
    void start(Stage stage) {
        new ThemeManager(false).apply();
        vm = new EditingViewModel(original);
        // The master's /metrics says web-1 holds 7 established connections.
        LiveFacts facts = LiveFacts.ofMetrics(List.of(), "ballast_active_connections{service=\"" + WEB + "\",real_server=\""
                + WEB_1 + "\"} 7\n");
        view = new EditingView(vm, List::of, () -> facts, new CurrentThreadTaskExecutor());
        Scene scene = new Scene(view, 1400, 900);
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
    }

    @SuppressWarnings("unchecked")
    private static List<String> lines(FxRobot robot, String id) {
        return ((ListView<String>) robot.lookup(id).queryAs(ListView.class)).getItems();
    }

    private static DialogPane awaitDialog(FxRobot robot, String contentId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (robot.lookup(contentId).tryQuery().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no dialog with " + contentId + " within 10 s");
            }
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(50);
        }
        Node content = robot.lookup(contentId).query();
        for (Node n = content; n != null; n = n.getParent()) {
            if (n instanceof DialogPane pane) {
                return pane;
            }
        }
        throw new AssertionError(contentId + " is not in a dialog");
    }

    @Test
    void removingABusyServerIsWarnedAboutWithItsConnectionCountAndCancelSendsNothing(FxRobot robot) throws Exception {
        robot.interact(() -> vm.remove(new EditTarget.Server(WEB, WEB_1)));

        robot.clickOn("#edit-review");
        DialogPane review = awaitDialog(robot, "#review-warnings");

        assertThat(lines(robot, "#review-warnings")).singleElement().asString()
                .contains("web-1").contains("7 active connections will be dropped unless drained first");
        assertThat(lines(robot, "#review-operations")).anySatisfy(l -> assertThat(l).contains(WEB_1));
        assertThat(((Button) review.lookupButton(ReviewDialog.APPLY)).isDisabled()).isFalse();

        robot.clickOn(review.lookupButton(ButtonType.CANCEL));

        assertThat(vm.applyLog()).isEmpty();
        assertThat(vm.editedProperty().get()).isTrue();
    }

    @Test
    void aProblemIsListedInTheReviewAndBlocksTheApply(FxRobot robot) throws Exception {
        robot.interact(() -> vm.edit(io.ballast.app.editing.job.SpecPath.realServer(0, 0,
                io.ballast.app.editing.job.Properties.SERVER_WEIGHT), 70000));

        robot.clickOn("#edit-review");
        DialogPane review = awaitDialog(robot, "#review-problems");

        assertThat(lines(robot, "#review-problems")).singleElement().asString()
                .startsWith("/virtualServices/0/realServers/0/weight").contains("between 0 and 65535");
        assertThat(((Button) review.lookupButton(ReviewDialog.APPLY)).isDisabled()).isTrue();
        robot.clickOn(review.lookupButton(ButtonType.CANCEL));
    }

    @Test
    void anImportedKernelTableReplacesTheSpecAndTheReportSaysWhatItLacks(FxRobot robot) throws Exception {
        Path save = dir.resolve("edge.save");
        Files.writeString(save, """
                -A -t 203.0.113.50:443 -s wlc
                -a -t 203.0.113.50:443 -r 198.51.100.61:443 -m -w 5
                -a -t 203.0.113.50:443 -r 198.51.100.62:443 -m -w 5
                """);

        WaitForAsyncUtils.asyncFx(() -> view.importFile(save));
        DialogPane report = awaitDialog(robot, "#import-report");

        assertThat(report.getHeaderText()).startsWith("Imported edge.save");
        assertThat(lines(robot, "#import-report")).anySatisfy(l -> assertThat(l)
                .contains("names no director").contains("add the director"));
        assertThat(vm.specProperty().get().virtualServices()).singleElement()
                .satisfies(vs -> assertThat(vs.realServers()).hasSize(2));
        robot.clickOn(report.lookupButton(ButtonType.OK));

        assertThat(vm.history()).containsExactly("Import edge.save");
        robot.interact(vm::undo);
        assertThat(vm.specProperty().get()).isEqualTo(original);
    }

    @Test
    void aFileThatIsNotAConfigurationChangesNothingAndTheReportSaysWhereItStopped(FxRobot robot) throws Exception {
        Path bad = dir.resolve("keepalived.conf");
        Files.writeString(bad, "virtual_server 203.0.113.10 80 {\n    lvs_sched wlc\n");

        WaitForAsyncUtils.asyncFx(() -> view.importFile(bad));
        DialogPane report = awaitDialog(robot, "#import-report");

        assertThat(report.getHeaderText()).startsWith("Nothing imported");
        assertThat(lines(robot, "#import-report")).singleElement().asString().contains("keepalived.conf");
        robot.clickOn(report.lookupButton(ButtonType.OK));
        assertThat(vm.specProperty().get()).isEqualTo(original);
        assertThat(vm.history()).isEmpty();
    }
}
