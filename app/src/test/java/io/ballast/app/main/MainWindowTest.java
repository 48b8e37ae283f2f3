package io.ballast.app.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.app.connection.ConnectionState;
import io.ballast.app.testsupport.Scenarios;
import io.ballast.app.testsupport.Simulator;
import io.ballast.app.topology.DiagramStyles;
import io.ballast.app.topology.TopologyView;
import io.ballast.model.ClusterForm;
import io.ballast.model.api.Role;
import java.util.Map;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window rendered headless from a spec plus simulated agent status and events. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private LiveCluster live;
    private MainWindow window;
    private ThemeManager theme;

    @Start
    void start(Stage stage) {
        theme = new ThemeManager(false);
        theme.apply();
        window = new MainWindow(theme);
        live = Scenarios.of(ClusterForm.HA_PAIR);
        window.show(new ClusterPane(live));
        Scene scene = new Scene(window, 1440, 900);
        window.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
    }

    private Label badgeOf(FxRobot robot, String director) {
        return robot.lookup("." + DiagramStyles.DIRECTOR).queryAll().stream()
                .filter(card -> robot.from(card).lookup("." + DiagramStyles.CARD_TITLE).queryAs(Label.class).getText().equals(director))
                .map(card -> robot.from(card).lookup("." + DiagramStyles.BADGE).queryAs(Label.class))
                .findFirst().orElseThrow();
    }

    @Test
    void directorsShowTheirRoleBadges(FxRobot robot) {
        assertThat(badgeOf(robot, "lb-a").getText()).isEqualTo("MASTER");
        assertThat(badgeOf(robot, "lb-a").getStyleClass()).contains("badge-master");
        assertThat(badgeOf(robot, "lb-b").getText()).isEqualTo("BACKUP");
    }

    @Test
    void everyRealServerHasABoxColouredByHealth(FxRobot robot) {
        assertThat(robot.lookup("." + DiagramStyles.REAL_SERVER).queryAll()).hasSize(9);
        assertThat(robot.lookup("." + DiagramStyles.REAL_SERVER + "." + DiagramStyles.health(io.ballast.app.topology.Health.DOWN))
                .queryAll()).hasSize(1);
    }

    @Test
    void lostDirectorIsShownUnreachableInDiagramAndStatusBar(FxRobot robot) {
        robot.interact(() -> live.connectionChanged("lb-b", ConnectionState.UNREACHABLE, "192.0.2.12:9443 did not answer in time"));
        assertThat(badgeOf(robot, "lb-b").getText()).isEqualTo("UNREACHABLE");
        assertThat(robot.lookup("." + AppStyles.STATUS_TEXT).queryAllAs(Label.class))
                .extracting(Label::getText).contains("lb-b  unreachable");
    }

    @Test
    void twoMastersRaiseTheSplitBrainBanner(FxRobot robot) {
        Node banner = robot.lookup("." + AppStyles.SPLIT_BRAIN_BANNER).query();
        assertThat(banner.isVisible()).isFalse();
        robot.interact(() -> live.status("lb-b", new Simulator(Scenarios.spec(ClusterForm.HA_PAIR)).status("lb-b", Role.MASTER, Set.of())));
        assertThat(banner.isVisible()).isTrue();
        assertThat(((Label) banner).getText()).contains("lb-a and lb-b");
    }

    @Test
    void splitBrainEventFromAnAgentAlsoRaisesTheBanner(FxRobot robot) {
        robot.interact(() -> live.event("lb-a", Simulator.event(99, Scenarios.NOW, "SPLIT_BRAIN", "lb-a", "lb-b answers ARP for 203.0.113.10", Map.of())));
        assertThat(robot.lookup("." + AppStyles.SPLIT_BRAIN_BANNER).query().isVisible()).isTrue();
    }

    @Test
    void clickingARealServerShowsItInTheInspector(FxRobot robot) {
        Node web1 = robot.lookup("." + DiagramStyles.REAL_SERVER).queryAll().iterator().next();
        robot.interact(() -> window.pane().topology().fit());
        robot.interact(() -> live.cluster().selectionProperty().set(null));
        robot.clickOn(web1);
        assertThat(robot.lookup(".inspector-heading").queryAs(Label.class).getText()).isEqualTo("Real server web-1");
        assertThat(web1.getStyleClass()).contains(DiagramStyles.SELECTED);
    }

    @Test
    void keyboardZoomsFitsAndSwitchesTheme(FxRobot robot) {
        TopologyView topology = window.pane().topology();
        robot.interact(topology::fit);
        double fitted = topology.zoomPane().zoomProperty().get();
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(topology.zoomPane().zoomProperty().get()).isGreaterThan(fitted);
        robot.type(KeyCode.F);
        assertThat(topology.zoomPane().zoomProperty().get()).isEqualTo(fitted);
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(theme.darkProperty().get()).isTrue();
    }
}
