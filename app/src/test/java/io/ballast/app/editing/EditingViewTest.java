package io.ballast.app.editing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.app.concurrent.CurrentThreadTaskExecutor;
import io.ballast.app.editing.review.LiveFacts;
import io.ballast.app.main.ThemeManager;
import io.ballast.app.testsupport.Specs;
import io.ballast.app.topology.DiagramStyles;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.ServiceKey;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drag and drop, keyboard and inline errors on the real diagram, headless. */
@ExtendWith(ApplicationExtension.class)
class EditingViewTest {

    private static final ServiceKey WEB = ServiceKey.of(Protocol.TCP, "203.0.113.10", 80);
    private static final ServiceKey API = ServiceKey.of(Protocol.TCP, "203.0.113.10", 443);

    private final ClusterSpec original = Specs.haPair();
    private EditingViewModel vm;

    @Start
    void start(Stage stage) {
        new ThemeManager(false).apply();
        vm = new EditingViewModel(original);
        EditingView view = new EditingView(vm, List::of, () -> LiveFacts.NONE, new CurrentThreadTaskExecutor());
        view.getStylesheets().add(getClass().getResource("/io/ballast/app/topology/topology.css").toExternalForm());
        Scene scene = new Scene(view, 1600, 1000);
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        view.diagram().fit();
    }

    private Node card(FxRobot robot, String kind, String title) {
        return robot.lookup("." + kind).queryAll().stream()
                .filter(card -> robot.from(card).lookup("." + DiagramStyles.CARD_TITLE).queryAs(Label.class).getText().equals(title))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " titled " + title));
    }

    private List<RealServer> servers(ServiceKey key) {
        return vm.service(key).orElseThrow().realServers();
    }

    @Test
    void droppingAServerCardOnAnotherVipMovesItAndCtrlZPutsItBack(FxRobot robot) {
        robot.drag(card(robot, DiagramStyles.REAL_SERVER, "web-2"), MouseButton.PRIMARY)
                .dropTo(card(robot, DiagramStyles.VIP, "api"));

        assertThat(servers(API)).extracting(RealServer::name).contains("web-2");
        assertThat(servers(WEB)).extracting(RealServer::name).doesNotContain("web-2");
        assertThat(robot.lookup("#edit-not-applied").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#edit-history").queryListView().getItems())
                .containsExactly("Move real server web-2 from web to api");

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);

        assertThat(vm.specProperty().get()).isEqualTo(original);
        assertThat(robot.lookup("#edit-not-applied").queryAs(Label.class).isVisible()).isFalse();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(servers(API)).extracting(RealServer::name).contains("web-2");
    }

    @Test
    void droppingAServerOnTheBinRemovesIt(FxRobot robot) {
        robot.drag(card(robot, DiagramStyles.REAL_SERVER, "api-1"), MouseButton.PRIMARY).dropTo("#edit-bin");

        assertThat(servers(API)).extracting(RealServer::name).containsExactly("api-2", "api-3");
    }

    @Test
    void aPaletteServerDroppedOnAVipIsAddedAndAPaletteServiceOnTheDiagramToo(FxRobot robot) {
        robot.drag("#edit-palette-server", MouseButton.PRIMARY).dropTo(card(robot, DiagramStyles.VIP, "rdp"));
        robot.drag("#edit-palette-service", MouseButton.PRIMARY).dropTo("#edit-diagram");

        assertThat(vm.service(ServiceKey.of(Protocol.TCP, "203.0.113.10", 3389)).orElseThrow().realServers()).hasSize(3);
        assertThat(vm.specProperty().get().virtualServices()).hasSize(4);
        assertThat(vm.history()).containsExactly("Add real server new-3 to rdp", "Add virtual service new-service");
    }

    @Test
    void draggingOneDirectorOntoTheOtherSwapsTheirPriorities(FxRobot robot) {
        robot.drag(card(robot, DiagramStyles.DIRECTOR, "lb-b"), MouseButton.PRIMARY)
                .dropTo(card(robot, DiagramStyles.DIRECTOR, "lb-a"));

        assertThat(vm.specProperty().get().directors()).extracting(d -> d.priority()).containsExactly(100, 150);
    }

    @Test
    void aBadWeightShowsInlineAndBadgesTheCardWhileTyping(FxRobot robot) {
        // Selected through the view model: clicking is covered by the multi-select test.
        robot.interact(() -> vm.selection().setAll(new EditTarget.Server(WEB, "198.51.100.21:80")));
        TextField weight = robot.lookup("#edit-virtualServices-0-realServers-0-weight").queryAs(TextField.class);

        robot.interact(() -> weight.setText("70000"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("." + EditingStyles.FIELD_ERROR).queryAllAs(Label.class))
                .anySatisfy(l -> assertThat(l.getText()).contains("between 0 and 65535"));
        assertThat(card(robot, DiagramStyles.REAL_SERVER, "web-1").getStyleClass()).contains(EditingStyles.ERROR_BADGE);
        assertThat(vm.history()).isEmpty();

        robot.interact(() -> weight.setText("40"));
        robot.interact(() -> weight.getOnAction().handle(null));

        assertThat(servers(WEB).get(0).weight()).isEqualTo(40);
        assertThat(card(robot, DiagramStyles.REAL_SERVER, "web-1").getStyleClass()).doesNotContain(EditingStyles.ERROR_BADGE);
    }

    @Test
    void ctrlClickSelectsSeveralServersAndDeleteRemovesThemInOneStep(FxRobot robot) {
        robot.clickOn(card(robot, DiagramStyles.REAL_SERVER, "web-1"));
        robot.press(KeyCode.CONTROL).clickOn(card(robot, DiagramStyles.REAL_SERVER, "web-3")).release(KeyCode.CONTROL);

        robot.type(KeyCode.DELETE);

        assertThat(servers(WEB)).extracting(RealServer::name).containsExactly("web-2", "web-4");
        assertThat(vm.history()).containsExactly("Remove 2 items");
    }
}
