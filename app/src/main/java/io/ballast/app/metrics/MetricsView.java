package io.ballast.app.metrics;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Live charts of the selected scope: new connections/s, active connections, throughput in and
 * out, packets/s. Bounded series, no symbols, no animation: they redraw once a second.
 */
public final class MetricsView extends VBox {

    public static final String STYLE = "metrics-view";
    public static final String CHART = "metrics-chart";

    private final MetricsViewModel vm;
    private final ComboBox<Scope> scope = new ComboBox<>();
    private final List<ChartBinding> charts = new ArrayList<>();

    public MetricsView(MetricsViewModel vm) {
        this.vm = vm;
        getStyleClass().add(STYLE);
        scope.setItems(FXCollections.observableArrayList(Scope.CLUSTER));
        scope.valueProperty().bindBidirectional(vm.selectedScopeProperty());
        scope.setConverter(new StringConverter<>() {
            @Override
            public String toString(Scope s) {
                return s == null ? "" : s.label();
            }

            @Override
            public Scope fromString(String text) {
                return null;
            }
        });
        scope.setPrefWidth(360);
        HBox windows = new HBox();
        ToggleGroup group = new ToggleGroup();
        TimeWindow[] values = TimeWindow.values();
        for (int i = 0; i < values.length; i++) {
            TimeWindow w = values[i];
            ToggleButton button = new ToggleButton(w.toString());
            button.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == values.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            button.setToggleGroup(group);
            button.setSelected(vm.windowProperty().get() == w);
            button.setOnAction(e -> {
                vm.windowProperty().set(w);
                button.setSelected(true);
            });
            windows.getChildren().add(button);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label showing = new Label("Figures for");
        HBox header = new HBox(10, showing, scope, spacer, windows);
        header.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            grid.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(r);
        }
        grid.add(chart("New connections per second", Units::count, Metric.NEW_CONNECTIONS), 0, 0);
        grid.add(chart("Active connections", Units::count, Metric.ACTIVE_CONNECTIONS), 1, 0);
        grid.add(chart("Throughput in and out", Units::bytesPerSecond, Metric.BYTES_IN, Metric.BYTES_OUT), 0, 1);
        grid.add(chart("Packets per second", Units::count, Metric.PACKETS), 1, 1);
        VBox.setVgrow(grid, Priority.ALWAYS);
        setSpacing(6);
        setPadding(new Insets(8, 10, 4, 10));
        getChildren().addAll(header, grid);

        vm.publishedAtProperty().addListener(o -> refresh());
        vm.selectedScopeProperty().addListener(o -> refresh());
        vm.windowProperty().addListener(o -> refresh());
        refresh();
    }

    /** The choices of the scope box: the cluster, then each service, then each real server. */
    public void setScopes(List<Scope> scopes) {
        Scope selected = vm.selectedScopeProperty().get();
        scope.getItems().setAll(scopes);
        vm.selectedScopeProperty().set(scopes.contains(selected) ? selected : Scope.CLUSTER);
    }

    private LineChart<Number, Number> chart(String title, DoubleFunction<String> format, Metric... metrics) {
        NumberAxis x = new NumberAxis();
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                long s = Math.round(-seconds.doubleValue());
                return s == 0 ? "now" : s % 60 == 0 ? "-" + s / 60 + " min" : "-" + s + " s";
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(true);
        y.setMinorTickVisible(false);
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return format.apply(value.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setTitle(title);
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setLegendVisible(metrics.length > 1);
        chart.getStyleClass().add(CHART);
        chart.setMinHeight(120);
        for (Metric metric : metrics) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(metric == Metric.BYTES_IN ? "in" : metric == Metric.BYTES_OUT ? "out" : metric.label());
            chart.getData().add(series);
            charts.add(new ChartBinding(x, metric, series));
        }
        return chart;
    }

    private void refresh() {
        long now = vm.publishedAtProperty().get();
        double span = vm.windowProperty().get().length().toSeconds();
        for (ChartBinding binding : charts) {
            binding.axis().setLowerBound(-span);
            binding.axis().setUpperBound(0);
            binding.axis().setTickUnit(span / 5);
            ObservableList<XYChart.Data<Number, Number>> points = FXCollections.observableArrayList();
            for (ScopeHistory.Point p : vm.series(binding.metric())) {
                points.add(new XYChart.Data<>((p.atMillis() - now) / 1000.0, p.value()));
            }
            binding.series().getData().setAll(points);
        }
    }

    private record ChartBinding(NumberAxis axis, Metric metric, XYChart.Series<Number, Number> series) {
    }
}
