package io.ballast.app.topology;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Read-only facts about the selected box; refreshed with the figures once a second. */
public final class InspectorView extends VBox {

    public static final String STYLE = "inspector";
    public static final String HEADING = "inspector-heading";
    public static final String LABEL = "inspector-label";
    public static final String VALUE = "inspector-value";

    private final ClusterViewModel vm;
    private final Label heading = new Label();
    private final GridPane grid = new GridPane();

    public InspectorView(ClusterViewModel vm) {
        this.vm = vm;
        getStyleClass().add(STYLE);
        heading.getStyleClass().add(HEADING);
        heading.setWrapText(true);
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(110);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, values);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        setPadding(new Insets(12));
        setSpacing(10);
        getChildren().addAll(heading, scroll);
        vm.selectionProperty().addListener(o -> refresh());
        vm.ratesUpdatedProperty().addListener(o -> refresh());
        refresh();
    }

    private void refresh() {
        Object item = vm.selectionProperty().get();
        heading.setText(item == null ? "Select a box in the diagram" : InspectorRows.heading(item));
        grid.getChildren().clear();
        int row = 0;
        for (InspectorRows.Row r : InspectorRows.of(item)) {
            Label label = new Label(r.label());
            label.getStyleClass().add(LABEL);
            Label value = new Label(r.value());
            value.getStyleClass().add(VALUE);
            value.setWrapText(true);
            grid.addRow(row++, label, value);
        }
    }
}
