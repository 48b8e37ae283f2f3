package io.ballast.app.lab;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The lab's side panel: break things on purpose and watch the diagram and timeline react. */
public final class LabControlsView extends ScrollPane {

    static final String STYLE = "lab-controls";
    static final String MEMBER_STATE = "lab-member-state";

    public LabControlsView(LabViewModel model) {
        VBox content = new VBox(8,
                header(model),
                section("Directors", model.directors().stream().map(d -> row(d,
                        button("Kill", "SIGKILL the director's agent, as a crash would", () -> model.killDirector(d)),
                        button("Restart", "start the director's agent again", () -> model.restartDirector(d))))
                        .toArray(javafx.scene.Node[]::new)),
                section("Real servers", model.realServers().stream().map(s -> realServerRow(model, s))
                        .toArray(javafx.scene.Node[]::new)),
                section("Traffic", trafficBox(model)),
                messageLabel(model));
        content.setPadding(new Insets(10));
        content.setPrefWidth(330);
        setContent(content);
        setFitToWidth(true);
        getStyleClass().add(STYLE);
    }

    private static Label header(LabViewModel model) {
        Label header = new Label("Lab — " + model.form());
        header.getStyleClass().add(Styles.TITLE_4);
        return header;
    }

    private static TitledPane section(String title, javafx.scene.Node... rows) {
        TitledPane pane = new TitledPane(title, new VBox(6, rows));
        pane.setCollapsible(false);
        return pane;
    }

    private static VBox row(LabMember member, Button... actions) {
        Label name = new Label(member.id());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        Label state = new Label();
        state.textProperty().bind(member.stateProperty());
        state.getStyleClass().addAll(MEMBER_STATE, Styles.TEXT_SMALL);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox line = new HBox(6, name, spacer);
        line.getChildren().addAll(actions);
        return new VBox(2, line, state);
    }

    private static VBox realServerRow(LabViewModel model, LabMember server) {
        Spinner<Integer> latency = new Spinner<>(0, 5_000, 0, 50);
        Spinner<Integer> errors = new Spinner<>(0, 100, 0, 10);
        latency.setPrefWidth(90);
        errors.setPrefWidth(80);
        VBox row = row(server,
                button("Stop", "stop this real server's process", () -> model.stopRealServer(server)),
                button("Start", "start it again", () -> model.startRealServer(server)));
        Button apply = button("Apply", "add this latency and error rate to its answers",
                () -> model.degrade(server, latency.getValue(), errors.getValue()));
        row.getChildren().add(new HBox(6, new Label("ms"), latency, new Label("% err"), errors, apply));
        return row;
    }

    private static VBox trafficBox(LabViewModel model) {
        Slider rate = new Slider(0, 500, model.rateProperty().get());
        rate.setShowTickLabels(true);
        rate.setMajorTickUnit(100);
        Label value = new Label();
        rate.valueProperty().addListener((o, old, now) -> value.setText(now.intValue() + " requests/s"));
        value.setText(model.rateProperty().get() + " requests/s");
        // Only the released value is sent, so dragging does not flood the generator with commands.
        rate.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                model.rateProperty().set((int) rate.getValue());
            }
        });
        Label traffic = new Label();
        traffic.textProperty().bind(model.trafficProperty());
        traffic.setWrapText(true);
        traffic.getStyleClass().add(Styles.TEXT_SMALL);
        return new VBox(4, rate, value, traffic);
    }

    private static Label messageLabel(LabViewModel model) {
        Label message = new Label();
        message.textProperty().bind(model.messageProperty());
        message.setWrapText(true);
        message.getStyleClass().add(Styles.TEXT_MUTED);
        return message;
    }

    private static Button button(String text, String tip, Runnable action) {
        Button button = new Button(text);
        button.getStyleClass().add(Styles.SMALL);
        button.setTooltip(new javafx.scene.control.Tooltip(tip));
        button.setOnAction(e -> {
            assert javafx.application.Platform.isFxApplicationThread();
            action.run();
        });
        return button;
    }
}
