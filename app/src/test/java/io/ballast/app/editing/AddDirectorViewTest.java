package io.ballast.app.editing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.app.concurrent.CurrentThreadTaskExecutor;
import io.ballast.app.editing.review.LiveFacts;
import io.ballast.app.main.ThemeManager;
import io.ballast.app.testsupport.Specs;
import io.ballast.app.topology.DiagramStyles;
import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
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

/** A director dragged out of the palette onto a SINGLE cluster's diagram, headless. */
@ExtendWith(ApplicationExtension.class)
class AddDirectorViewTest {

    private final ClusterSpec original = Specs.single();
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

    private Node director(FxRobot robot, String id) {
        return robot.lookup("." + DiagramStyles.DIRECTOR).queryAll().stream()
                .filter(card -> robot.from(card).lookup("." + DiagramStyles.CARD_TITLE).queryAs(Label.class).getText().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no director card " + id));
    }

    private List<String> fieldErrors(FxRobot robot) {
        return robot.lookup("." + EditingStyles.FIELD_ERROR).queryAllAs(Label.class).stream()
                .filter(Node::isVisible).map(Label::getText).toList();
    }

    @Test
    void aPaletteDirectorTurnsTheSingleClusterIntoAPairAndAsksInlineForItsAddresses(FxRobot robot) {
        robot.drag("#edit-palette-director", MouseButton.PRIMARY).dropTo("#edit-diagram");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(vm.specProperty().get().form()).isEqualTo(ClusterForm.HA_PAIR);
        assertThat(robot.lookup("." + DiagramStyles.DIRECTOR).queryAll()).hasSize(2);
        assertThat(director(robot, "lb-2").getStyleClass()).contains(EditingStyles.ERROR_BADGE, EditingStyles.SELECTED);
        assertThat(fieldErrors(robot)).anySatisfy(e -> assertThat(e).contains("is not an IP address literal"))
                .anySatisfy(e -> assertThat(e).contains("is missing; write the agent's address"));
        assertThat(robot.lookup("#edit-review").queryButton().isDisabled()).isFalse();

        robot.interact(() -> {
            TextField address = robot.lookup("#edit-directors-1-address").queryAs(TextField.class);
            address.setText("192.0.2.12");
            address.getOnAction().handle(null);
        });
        robot.interact(() -> {
            TextField endpoint = robot.lookup("#edit-directors-1-agentEndpoint").queryAs(TextField.class);
            endpoint.setText("https://192.0.2.12:9443");
            endpoint.getOnAction().handle(null);
        });

        assertThat(vm.problems()).isEmpty();
        assertThat(director(robot, "lb-2").getStyleClass()).doesNotContain(EditingStyles.ERROR_BADGE);
    }

    @Test
    void ctrlZTakesTheAddedDirectorBackAndTheClusterIsSingleAgain(FxRobot robot) {
        robot.drag("#edit-palette-director", MouseButton.PRIMARY).dropTo("#edit-diagram");

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(vm.specProperty().get()).isEqualTo(original);
        assertThat(robot.lookup("." + DiagramStyles.DIRECTOR).queryAll()).hasSize(1);
    }

    @Test
    void aSecondDirectorIsNotTakenByAPairAndTheReasonIsShown(FxRobot robot) {
        robot.drag("#edit-palette-director", MouseButton.PRIMARY).dropTo("#edit-diagram");
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> assertThat(vm.addNewDirector()).isFalse());

        assertThat(vm.specProperty().get().directors()).hasSize(2);
        assertThat(vm.messageProperty().get()).contains("two directors already");
    }
}
