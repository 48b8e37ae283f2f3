package io.ballast.app.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Line;

/**
 * Failovers and events on one lane per director over the last 15 minutes, and the full list below.
 * A failover is a large mark labelled with its takeover time; split brain turns the lanes red.
 */
public final class TimelineView extends SplitPane {

    public static final String STYLE = "timeline-view";
    public static final String LANES = "timeline-lanes";
    public static final String LANE = "timeline-lane";
    public static final String LANE_LABEL = "timeline-lane-label";
    public static final String MARK = "timeline-mark";
    public static final String MARK_LABEL = "timeline-mark-label";
    public static final String AXIS_LABEL = "timeline-axis-label";
    public static final String SPLIT_BRAIN = "split-brain";

    static final long SPAN_MILLIS = 15 * 60_000L;
    private static final double LANE_HEIGHT = 46;
    private static final double LABEL_WIDTH = 110;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final TimelineViewModel vm;
    private final Pane lanes = new Pane();
    private final LongProperty now = new SimpleLongProperty();
    private final TableView<TimelineEntry> table = new TableView<>();

    public TimelineView(TimelineViewModel vm) {
        this.vm = vm;
        getStyleClass().add(STYLE);
        setOrientation(javafx.geometry.Orientation.VERTICAL);
        lanes.getStyleClass().add(LANES);
        lanes.setMinHeight(LANE_HEIGHT + 24);
        StackPane laneBox = new StackPane(lanes);
        laneBox.setPadding(new Insets(6, 10, 0, 10));
        buildTable();
        getItems().addAll(laneBox, table);
        setDividerPositions(0.45);

        InvalidationListener redraw = o -> redraw();
        vm.lanes().addListener((ListChangeListener<Lane>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(l -> l.entries().addListener(redraw));
            }
            redraw();
        });
        vm.lanes().forEach(l -> l.entries().addListener(redraw));
        vm.splitBrainProperty().addListener(redraw);
        now.addListener(redraw);
        lanes.widthProperty().addListener(redraw);
        lanes.heightProperty().addListener(redraw);
    }

    /** The right edge of the lanes; the main window moves it once a second. */
    public LongProperty nowProperty() {
        return now;
    }

    private void buildTable() {
        TableColumn<TimelineEntry, String> time = new TableColumn<>("Time");
        time.setCellValueFactory(c -> new SimpleStringProperty(CLOCK.format(Instant.ofEpochMilli(c.getValue().atMillis()))));
        time.setPrefWidth(90);
        TableColumn<TimelineEntry, String> director = new TableColumn<>("Director");
        director.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().director()));
        director.setPrefWidth(100);
        TableColumn<TimelineEntry, String> kind = new TableColumn<>("Kind");
        kind.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().kind().name().replace('_', ' ').toLowerCase(Locale.ROOT)));
        kind.setPrefWidth(110);
        TableColumn<TimelineEntry, String> what = new TableColumn<>("What happened");
        what.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().title()));
        what.setPrefWidth(340);
        TableColumn<TimelineEntry, String> message = new TableColumn<>("Agent says");
        message.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().message()));
        message.setPrefWidth(420);
        table.getColumns().add(time);
        table.getColumns().add(director);
        table.getColumns().add(kind);
        table.getColumns().add(what);
        table.getColumns().add(message);
        table.setItems(vm.recent());
        table.setPlaceholder(new Label("No events yet: failovers, health changes and applies appear here."));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(TimelineEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                getStyleClass().removeAll(severityStyles());
                if (!empty && entry != null) {
                    getStyleClass().add(severityStyle(entry.severity()));
                }
            }
        });
    }

    private void redraw() {
        lanes.getChildren().clear();
        double width = lanes.getWidth();
        if (width <= LABEL_WIDTH + 20) {
            return;
        }
        long right = Math.max(now.get(), latest());
        long left = right - SPAN_MILLIS;
        double plot = width - LABEL_WIDTH - 16;
        boolean split = vm.splitBrainProperty().get();
        lanes.getStyleClass().remove(SPLIT_BRAIN);
        if (split) {
            lanes.getStyleClass().add(SPLIT_BRAIN);
        }
        for (int minute = 0; minute <= 15; minute += 5) {
            double x = LABEL_WIDTH + plot * (1 - minute / 15.0);
            Line tick = new Line(x, 0, x, vm.lanes().size() * LANE_HEIGHT);
            tick.getStyleClass().add("timeline-tick");
            Label label = new Label(minute == 0 ? "now" : "-" + minute + " min");
            label.getStyleClass().add(AXIS_LABEL);
            label.relocate(x - 14, vm.lanes().size() * LANE_HEIGHT + 4);
            lanes.getChildren().addAll(tick, label);
        }
        int row = 0;
        for (Lane lane : vm.lanes()) {
            double y = row * LANE_HEIGHT;
            Region band = new Region();
            band.getStyleClass().add(LANE);
            band.relocate(0, y + 3);
            size(band, width, LANE_HEIGHT - 6);
            Label name = new Label(lane.director());
            name.getStyleClass().add(LANE_LABEL);
            name.relocate(10, y + LANE_HEIGHT / 2 - 9);
            lanes.getChildren().addAll(band, name);
            for (TimelineEntry entry : lane.entries()) {
                if (entry.atMillis() < left) {
                    continue;
                }
                double x = LABEL_WIDTH + plot * (entry.atMillis() - left) / (double) SPAN_MILLIS;
                lanes.getChildren().add(mark(entry, x, y + LANE_HEIGHT / 2));
            }
            row++;
        }
        lanes.setPrefHeight(vm.lanes().size() * LANE_HEIGHT + 24);
    }

    private javafx.scene.Node mark(TimelineEntry entry, double x, double centerY) {
        Region dot = new Region();
        dot.getStyleClass().addAll(MARK, "mark-" + entry.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                severityStyle(entry.severity()));
        double size = entry.kind() == EntryKind.FAILOVER || entry.kind() == EntryKind.SPLIT_BRAIN ? 16 : 10;
        size(dot, size, size);
        dot.relocate(x - size / 2, centerY - size / 2);
        if (entry.kind() == EntryKind.FAILOVER || entry.kind() == EntryKind.SPLIT_BRAIN) {
            dot.setRotate(45);
        }
        Tooltip.install(dot, new Tooltip(CLOCK.format(Instant.ofEpochMilli(entry.atMillis())) + "  " + entry.title()
                + (entry.message().isBlank() ? "" : "\n" + entry.message())));
        if (entry.kind() != EntryKind.FAILOVER || entry.takeoverMillis() == null) {
            return dot;
        }
        Label takeover = new Label(entry.takeoverMillis() + " ms");
        takeover.getStyleClass().add(MARK_LABEL);
        takeover.relocate(x + 10, centerY - 22);
        return new javafx.scene.Group(dot, takeover);
    }

    // a Pane lays its children out at their preferred size, so that is the size to set
    private static void size(Region region, double w, double h) {
        region.setMinSize(w, h);
        region.setPrefSize(w, h);
        region.setMaxSize(w, h);
    }

    private long latest() {
        long latest = 0;
        for (Lane lane : vm.lanes()) {
            if (!lane.entries().isEmpty()) {
                latest = Math.max(latest, lane.entries().get(lane.entries().size() - 1).atMillis());
            }
        }
        return latest;
    }

    static String severityStyle(Severity severity) {
        return "severity-" + severity.name().toLowerCase(Locale.ROOT);
    }

    private static String[] severityStyles() {
        return new String[] {severityStyle(Severity.INFO), severityStyle(Severity.WARNING), severityStyle(Severity.CRITICAL)};
    }
}
