package io.ballast.app.main;

import atlantafx.base.theme.Styles;
import io.ballast.app.connection.SavedCluster;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The main window: a toolbar (cluster, add cluster, zoom, theme) above the selected cluster's pane.
 * Shortcuts: F fit, Ctrl+plus / Ctrl+minus zoom, Ctrl+D dark mode, Ctrl+N add cluster,
 * Ctrl+1 charts, Ctrl+2 timeline, Esc clears the selection; on a selected real server Ctrl+Shift+D drain,
 * Ctrl+Shift+M maintenance, Ctrl+Shift+A activate, Ctrl+Shift+W set weight.
 */
public final class MainWindow extends BorderPane {

    private final ThemeManager theme;
    private final ComboBox<SavedCluster> clusters = new ComboBox<>();
    private final Button themeButton = new Button();
    private ClusterPane pane;
    private Runnable onAddCluster = () -> { };
    private Runnable onEdit = () -> { };

    public MainWindow(ThemeManager theme) {
        this.theme = theme;
        getStyleClass().add(AppStyles.MAIN);
        // on the scene, not on this parent: parent stylesheets make JavaFX scan a list per styled node,
        // which turns thousands of diagram boxes into seconds of CSS work
        sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                for (String sheet : List.of(AppStyles.STYLESHEET, AppStyles.TOPOLOGY_STYLESHEET, AppStyles.TIMELINE_STYLESHEET)) {
                    if (!scene.getStylesheets().contains(resource(sheet))) {
                        scene.getStylesheets().add(resource(sheet));
                    }
                }
            }
        });
        setTop(toolbar());
        theme.darkProperty().addListener(o -> updateThemeButton());
        updateThemeButton();
    }

    private ToolBar toolbar() {
        Label title = new Label("Ballast", new FontIcon(Material2AL.ACCOUNT_TREE));
        title.getStyleClass().add(AppStyles.APP_TITLE);
        clusters.setPromptText("No cluster");
        clusters.setPrefWidth(220);
        clusters.setButtonCell(new ClusterCell());
        clusters.setCellFactory(l -> new ClusterCell());
        Button add = iconButton(Material2AL.ADD, "Add cluster (Ctrl+N)", () -> onAddCluster.run());
        add.setText("Add cluster");
        Button zoomOut = iconButton(Material2MZ.ZOOM_OUT, "Zoom out (Ctrl+minus)", () -> withPane(p -> p.topology().zoomPane().zoomOut()));
        Button zoomIn = iconButton(Material2MZ.ZOOM_IN, "Zoom in (Ctrl+plus)", () -> withPane(p -> p.topology().zoomPane().zoomIn()));
        Button fit = iconButton(Material2MZ.ZOOM_OUT_MAP, "Fit the diagram (F)", () -> withPane(p -> p.topology().fit()));
        themeButton.setOnAction(e -> theme.toggle());
        themeButton.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button edit = iconButton(Material2AL.EDIT, "Edit the cluster: drag and drop, review, apply", () -> onEdit.run());
        edit.setText("Edit");
        return new ToolBar(title, separator(), clusters, add, edit, separator(), zoomOut, zoomIn, fit, spacer, themeButton);
    }

    private static Separator separator() {
        return new Separator(javafx.geometry.Orientation.VERTICAL);
    }

    private void updateThemeButton() {
        boolean dark = theme.darkProperty().get();
        themeButton.setGraphic(new FontIcon(dark ? Material2MZ.WB_SUNNY : Material2MZ.NIGHTS_STAY));
        themeButton.setTooltip(new Tooltip(dark ? "Light mode (Ctrl+D)" : "Dark mode (Ctrl+D)"));
    }

    private static Button iconButton(Ikon ikon, String tip, Runnable action) {
        Button button = new Button(null, new FontIcon(ikon));
        button.getStyleClass().addAll(Styles.FLAT);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(e -> action.run());
        return button;
    }

    /** Shows one cluster; the previous one's pane is dropped (its connections are the caller's to close). */
    public void show(ClusterPane next) {
        assert Platform.isFxApplicationThread();
        this.pane = next;
        setCenter(next);
        Platform.runLater(next.topology()::fit);
    }

    public ClusterPane pane() {
        return pane;
    }

    public ObservableList<SavedCluster> clusterChoices() {
        return clusters.getItems();
    }

    public ComboBox<SavedCluster> clusterSelector() {
        return clusters;
    }

    /** Hook for the editing feature: what the toolbar's Edit button opens. */
    public void setOnEdit(Runnable action) {
        this.onEdit = action;
    }

    public void setOnAddCluster(Runnable action) {
        this.onAddCluster = action;
    }

    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F), () -> withPane(p -> p.topology().fit()));
        Runnable zoomIn = () -> withPane(p -> p.topology().zoomPane().zoomIn());
        Runnable zoomOut = () -> withPane(p -> p.topology().zoomPane().zoomOut());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN), zoomIn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), zoomIn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), zoomIn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), zoomOut);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), zoomOut);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), theme::toggle);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> onAddCluster.run());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN), () -> withPane(ClusterPane::showCharts));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN), () -> withPane(ClusterPane::showTimeline));
        // Runtime actions on the selected real server: Shift as well, so no single slip drains a server.
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> withPane(p -> p.runtime().drain()));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> withPane(p -> p.runtime().maintenance()));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> withPane(p -> p.runtime().activate()));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> withPane(ClusterPane::askWeight));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), () -> withPane(p -> p.live().cluster().selectionProperty().set(null)));
    }

    private void withPane(Consumer<ClusterPane> action) {
        if (pane != null) {
            action.accept(pane);
        }
    }

    private static String resource(String path) {
        return MainWindow.class.getResource(path).toExternalForm();
    }

    private static final class ClusterCell extends ListCell<SavedCluster> {
        @Override
        protected void updateItem(SavedCluster item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.name() + "  (" + item.agents().size() + " agents)");
        }
    }
}
