package io.ballast.app.editing.runtime;

import java.util.Optional;
import java.util.function.IntSupplier;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * Runtime actions for the selected real server, under the inspector: Drain, Maintenance, Activate,
 * Set weight…, each applied at once on every director; the directors' answers listed below them.
 * Shortcuts (installed by the main window): Ctrl+Shift+D, Ctrl+Shift+M, Ctrl+Shift+A, Ctrl+Shift+W.
 */
public final class RuntimeActionsView extends VBox {

    private final RuntimeActionsViewModel vm;
    private final IntSupplier currentWeight;

    /** @param currentWeight the selected server's weight now, offered in the Set weight dialog */
    public RuntimeActionsView(RuntimeActionsViewModel vm, IntSupplier currentWeight) {
        this.vm = vm;
        this.currentWeight = currentWeight;
        setId("runtime-actions");
        setSpacing(6);
        setPadding(new Insets(8, 12, 8, 12));
        Label title = new Label("Runtime actions: every director, at once");
        title.getStyleClass().add("title-4");
        FlowPane buttons = new FlowPane(6, 6,
                button("Drain", "runtime-drain", "Ctrl+Shift+D: no new connections; open ones finish", vm::drain),
                button("Maintenance", "runtime-maintenance", "Ctrl+Shift+M: out of the table", vm::maintenance),
                button("Activate", "runtime-activate", "Ctrl+Shift+A: back in service", vm::activate),
                button("Set weight…", "runtime-weight", "Ctrl+Shift+W", this::askWeight));
        Label message = new Label();
        message.setId("runtime-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        ListView<String> log = new ListView<>(vm.log());
        log.setId("runtime-log");
        log.setPrefHeight(110);
        getChildren().addAll(title, buttons, message, log);
    }

    private Button button(String text, String id, String tip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.disableProperty().bind(vm.targetProperty().isNull().or(vm.runningProperty()));
        button.setOnAction(e -> action.run());
        return button;
    }

    /** Asks for the new weight and, when one was given, sets it. */
    public void askWeight() {
        RuntimeTarget target = vm.targetProperty().get();
        if (target == null || vm.runningProperty().get()) {
            return;
        }
        WeightDialog dialog = new WeightDialog(target, currentWeight.getAsInt());
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        Optional<Integer> weight = dialog.showAndWait();
        weight.ifPresent(vm::setWeight);
    }

    /** The same actions as a context menu, for a right click on a real server's box in the diagram. */
    public ContextMenu contextMenu() {
        MenuItem drain = item("Drain", "runtime-menu-drain", vm::drain);
        MenuItem maintenance = item("Maintenance", "runtime-menu-maintenance", vm::maintenance);
        MenuItem activate = item("Activate", "runtime-menu-activate", vm::activate);
        MenuItem weight = item("Set weight…", "runtime-menu-weight", this::askWeight);
        return new ContextMenu(drain, maintenance, activate, weight);
    }

    private MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.disableProperty().bind(vm.targetProperty().isNull().or(vm.runningProperty()));
        item.setOnAction(e -> action.run());
        return item;
    }
}
