package io.ballast.app.editing.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.app.concurrent.FxTaskExecutor;
import io.ballast.app.connection.AgentClient;
import io.ballast.app.connection.ConnectionState;
import io.ballast.app.main.ClusterPane;
import io.ballast.app.main.LiveCluster;
import io.ballast.app.main.MainWindow;
import io.ballast.app.main.ThemeManager;
import io.ballast.app.testsupport.AgentPair;
import io.ballast.app.topology.DiagramStyles;
import io.ballast.app.topology.DirectorItem;
import io.ballast.app.topology.Health;
import io.ballast.model.AdminState;
import io.ballast.model.RealServer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Drain, maintenance and activate clicked in the live view, against the two real agents of an HA pair. */
class RuntimeActionsUiTest {

    @TempDir
    Path dir;

    private AgentPair pair;
    private FxTaskExecutor executor;
    private LiveCluster live;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void showThePairLive() throws Exception {
        pair = new AgentPair(dir);
        executor = new FxTaskExecutor();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            ThemeManager theme = new ThemeManager(false);
            theme.apply();
            MainWindow window = new MainWindow(theme);
            live = new LiveCluster(System::currentTimeMillis);
            window.show(new ClusterPane(live, executor));
            Scene scene = new Scene(window, 1440, 900);
            window.installShortcuts(scene);
            stage.setScene(scene);
            stage.show();
            live.connect("edit-pair", List.of(pair.master.endpoint(), pair.backup.endpoint()), executor);
        });
        awaitUi("both directors connected", () -> live.cluster().directors().size() == 2
                && live.cluster().directors().stream().allMatch(d -> d.connectionProperty().get() == ConnectionState.CONNECTED));
        awaitUi("web-2 on the diagram", () -> serverCard("web-2") != null);
    }

    @AfterEach
    void closeEverything() throws Exception {
        if (live != null) {
            robot.interact(live::close);
        }
        if (executor != null) {
            executor.close();
        }
        FxToolkit.cleanupStages();
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void drainClickedInTheInspectorReachesBothAgentsAndCtrlShiftAActivatesAgain() throws Exception {
        robot.clickOn(serverCard("web-2"));
        robot.clickOn("#runtime-drain");

        await("both agents report web-2 drained", () -> stateOnBoth(1) == AdminState.DRAIN);
        awaitUi("the diagram shows web-2 draining", () -> serverCard("web-2").getStyleClass()
                .contains(DiagramStyles.health(Health.DRAINING)));
        ListView<?> log = robot.lookup("#runtime-log").queryAs(ListView.class);
        assertThat(log.getItems()).extracting(Object::toString)
                .anyMatch(l -> l.startsWith("lb-a: took drain as revision"))
                .anyMatch(l -> l.startsWith("lb-b: took drain as revision"));
        assertThat(robot.lookup("#runtime-message").queryAs(Label.class).getText())
                .contains("taken by every director");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);

        await("both agents report web-2 active", () -> stateOnBoth(1) == AdminState.ACTIVE);
    }

    @Test
    void aDirectorThatMissesMaintenanceFromTheContextMenuIsFlaggedAsDiffering() throws Exception {
        pair.backup.close();
        awaitUi("lb-b shown unreachable", () -> live.cluster().director("lb-b").connectionProperty().get()
                == ConnectionState.UNREACHABLE);

        robot.clickOn(serverCard("web-1"), MouseButton.SECONDARY);
        robot.clickOn("#runtime-menu-maintenance");

        awaitUi("lb-b flagged as differing", () -> live.cluster().director("lb-b").specMismatchProperty().get());
        assertThat(pair.master.client().config().virtualServices().get(0).realServers().get(0).state())
                .isEqualTo(AdminState.MAINTENANCE);
        DirectorItem master = live.cluster().director("lb-a");
        assertThat(master.specMismatchProperty().get()).isFalse();
        assertThat(robot.lookup("#runtime-message").queryAs(Label.class).getText())
                .contains("the directors differ").contains("lb-b did not take maintenance for " + pair.web1);
    }

    private AdminState stateOnBoth(int server) throws Exception {
        AdminState seen = null;
        for (AgentClient client : List.of(pair.master.client(), pair.backup.client())) {
            RealServer rs = client.config().virtualServices().get(0).realServers().get(server);
            if (seen != null && seen != rs.state()) {
                return null;
            }
            seen = rs.state();
        }
        return seen;
    }

    private Node serverCard(String title) {
        return robot.lookup("." + DiagramStyles.REAL_SERVER).queryAll().stream()
                .filter(card -> robot.from(card).lookup("." + DiagramStyles.CARD_TITLE).queryAs(Label.class).getText().equals(title))
                .findFirst().orElse(null);
    }

    /** Asks the scene on the FX thread. */
    private static void awaitUi(String what, Callable<Boolean> condition) throws Exception {
        await(what, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return WaitForAsyncUtils.asyncFx(condition).get(10, TimeUnit.SECONDS);
        });
    }

    /** Bounded: real agents on a shared machine answer within seconds, never minutes. */
    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            if (Boolean.TRUE.equals(condition.call())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(200);
        }
    }
}
