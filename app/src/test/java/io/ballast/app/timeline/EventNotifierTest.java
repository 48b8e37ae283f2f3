package io.ballast.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.app.testsupport.Simulator;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Failovers and alarms reach the operator as desktop notifications; routine events do not. */
@ExtendWith(ApplicationExtension.class)
class EventNotifierTest {

    private final TimelineViewModel timeline = new TimelineViewModel();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(new Label("owner")), 800, 600));
        stage.show();
        new EventNotifier(stage).attach(timeline);
    }

    private long notificationsShowing(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".notification-bar").queryAll().stream().filter(n -> n.getScene().getWindow().isShowing()).count();
    }

    @Test
    void failoverRaisesANotificationWithTheTakeoverTime(FxRobot robot) {
        robot.interact(() -> timeline.accept("lb-b", Simulator.roleChange(4, 1_000, "lb-b", "BACKUP", "MASTER", 182L)));
        assertThat(notificationsShowing(robot)).isEqualTo(1);
        assertThat(robot.lookup(".notification-bar .label").queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(text -> assertThat(text).contains("lb-b took over as MASTER in 182 ms"));
    }

    @Test
    void applyDoesNotNotify(FxRobot robot) {
        robot.interact(() -> timeline.accept("lb-a", Simulator.event(5, 1_000, "APPLY", "lb-a", "applied", Map.of())));
        assertThat(notificationsShowing(robot)).isZero();
    }
}
