package io.ballast.app.editing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.app.concurrent.FxTaskExecutor;
import io.ballast.app.editing.apply.DirectorAgent;
import io.ballast.app.editing.job.EditFieldJob;
import io.ballast.app.editing.job.JobManager;
import io.ballast.app.editing.job.Properties;
import io.ballast.app.editing.job.SpecDocument;
import io.ballast.app.editing.job.SpecPath;
import io.ballast.app.editing.review.LiveFacts;
import io.ballast.app.main.ThemeManager;
import io.ballast.app.testsupport.AgentPair;
import io.ballast.model.AdminState;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.ServiceKey;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The 409 conflict dialog, reached the way an operator reaches it: someone else changed the master
 * after the editor opened, and Review changes → Apply meets their revision. Two real agents.
 */
class ConflictDialogTest {

    @TempDir
    Path dir;

    private AgentPair pair;
    private FxTaskExecutor executor;
    private EditingViewModel vm;
    private ClusterSpec theirs;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void openTheEditorThenChangeTheMasterBehindItsBack() throws Exception {
        pair = new AgentPair(dir);
        executor = new FxTaskExecutor();
        ClusterSpec inEffect = pair.master.client().config();
        List<DirectorAgent> agents = pair.agents();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            new ThemeManager(false).apply();
            vm = new EditingViewModel(inEffect);
            EditingView view = new EditingView(vm, () -> agents, () -> LiveFacts.NONE, executor);
            stage.setScene(new Scene(view, 1400, 900));
            stage.show();
        });
        // Someone else drains web-2 on the master, from the same revision the editor holds.
        SpecDocument other = new SpecDocument(inEffect);
        new JobManager(other).push(new EditFieldJob<>(other, SpecPath.realServer(0, 1, Properties.SERVER_STATE),
                AdminState.DRAIN));
        pair.master.client().putConfig(other.spec(), inEffect.revision(), false);
        theirs = pair.master.client().config();

        // The operator removes web-1 and applies.
        robot.interact(() -> vm.remove(new EditTarget.Server(web(), pair.web1)));
        robot.clickOn("#edit-review");
        robot.clickOn(robot.lookup("#review-apply").queryButton());
    }

    @AfterEach
    void closeEverything() throws Exception {
        FxToolkit.cleanupStages();
        if (executor != null) {
            executor.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void theDialogShowsTheirChangeAndApplyMineOnTopReachesBothDirectors() throws Exception {
        DialogPane dialog = awaitConflictDialog();

        assertThat(dialog.getHeaderText()).isEqualTo("Someone else changed lb-a");
        assertThat(changes()).anySatisfy(l -> assertThat(l).contains("web-2").contains("state active → drain"))
                .anySatisfy(l -> assertThat(l).contains("remove real server web-1"));

        robot.clickOn("#conflict-mine");

        await("both directors enforce the edited spec", () -> servers(pair.master.client().config()).size() == 1
                && servers(pair.backup.client().config()).size() == 1);
        for (ClusterSpec spec : List.of(pair.master.client().config(), pair.backup.client().config())) {
            assertThat(servers(spec)).extracting(RealServer::name).containsExactly("web-2");
        }
        await("the editor has nothing left to apply", () -> WaitForAsyncUtils.asyncFx(() ->
                !vm.editedProperty().get() && !vm.applyingProperty().get()).get());
    }

    @Test
    void reloadTheirsDropsTheEditAndShowsTheirSpec() throws Exception {
        awaitConflictDialog();

        robot.clickOn("#conflict-reload");

        assertThat(vm.specProperty().get()).isEqualTo(theirs);
        assertThat(vm.editedProperty().get()).isFalse();
        assertThat(servers(pair.master.client().config())).extracting(RealServer::state)
                .containsExactly(AdminState.ACTIVE, AdminState.DRAIN);
    }

    @SuppressWarnings("unchecked")
    private List<String> changes() {
        return ((ListView<String>) robot.lookup("#conflict-changes").queryAs(ListView.class)).getItems();
    }

    private DialogPane awaitConflictDialog() throws Exception {
        await("the conflict dialog", () -> robot.lookup("#conflict-changes").tryQuery().isPresent());
        for (Node n = robot.lookup("#conflict-changes").query(); n != null; n = n.getParent()) {
            if (n instanceof DialogPane pane) {
                return pane;
            }
        }
        throw new AssertionError("the conflict list is not in a dialog");
    }

    private ServiceKey web() {
        return ServiceKey.of(Protocol.TCP, pair.vip, pair.vipPort);
    }

    private static List<RealServer> servers(ClusterSpec spec) {
        return spec.virtualServices().get(0).realServers();
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Boolean.TRUE.equals(condition.call())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(100);
        }
    }
}
