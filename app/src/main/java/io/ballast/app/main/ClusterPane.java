package io.ballast.app.main;

import io.ballast.app.concurrent.CurrentThreadTaskExecutor;
import io.ballast.app.concurrent.TaskExecutor;
import io.ballast.app.editing.runtime.RuntimeActionsView;
import io.ballast.app.editing.runtime.RuntimeActionsViewModel;
import io.ballast.app.editing.runtime.RuntimeTarget;
import io.ballast.app.metrics.MetricsView;
import io.ballast.app.metrics.Scope;
import io.ballast.app.timeline.TimelineView;
import io.ballast.app.topology.InspectorView;
import io.ballast.app.topology.RealServerItem;
import io.ballast.app.topology.TopologyView;
import io.ballast.app.topology.VipItem;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import io.ballast.model.ServiceKey;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** Everything shown for one cluster: diagram and inspector, charts and timeline, status bar, split-brain banner. */
public final class ClusterPane extends BorderPane {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final LiveCluster live;
    private final TopologyView topology;
    private final MetricsView metrics;
    private final TimelineView timeline;
    private final TabPane tabs = new TabPane();
    private final StatusBar status;
    private final RuntimeActionsViewModel runtime;
    private final RuntimeActionsView runtimeView;

    /** For a cluster without agents (simulations, screenshots): runtime actions have nowhere to go. */
    public ClusterPane(LiveCluster live) {
        this(live, new CurrentThreadTaskExecutor());
    }

    /** @param executor runs the runtime actions' requests to the agents */
    public ClusterPane(LiveCluster live, TaskExecutor executor) {
        this.live = live;
        topology = new TopologyView(live.cluster());
        InspectorView inspector = new InspectorView(live.cluster());
        runtime = new RuntimeActionsViewModel(live::directorAgents, executor, live.cluster()::reportSpecMismatch);
        runtimeView = new RuntimeActionsView(runtime, () -> {
            Object item = live.cluster().selectionProperty().get();
            return item instanceof RealServerItem rs ? rs.weightProperty().get() : 0;
        });
        runtimeView.visibleProperty().bind(runtime.targetProperty().isNotNull());
        runtimeView.managedProperty().bind(runtimeView.visibleProperty());
        ContextMenu serverMenu = runtimeView.contextMenu();
        topology.setOnContextMenuRequested(e -> {
            if (showServerMenu(serverMenu, topology.itemAt(e.getPickResult().getIntersectedNode(), e.getSceneX(), e.getSceneY()),
                    e.getScreenX(), e.getScreenY())) {
                e.consume();
            }
        });
        // Not every platform turns a right click into a context-menu request (headless Monocle does not).
        topology.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.SECONDARY
                    && showServerMenu(serverMenu, topology.itemAt(e.getPickResult().getIntersectedNode(), e.getSceneX(), e.getSceneY()),
                    e.getScreenX(), e.getScreenY())) {
                e.consume();
            }
        });
        VBox side = new VBox(inspector, runtimeView);
        VBox.setVgrow(inspector, Priority.ALWAYS);
        metrics = new MetricsView(live.metrics());
        timeline = new TimelineView(live.timeline());
        status = new StatusBar(live.cluster());

        SplitPane upper = new SplitPane(topology, side);
        upper.setDividerPositions(0.78);
        SplitPane.setResizableWithParent(side, false);
        Tab charts = new Tab("Charts", metrics);
        charts.setGraphic(new FontIcon(Material2MZ.SHOW_CHART));
        Tab events = new Tab("Timeline", timeline);
        events.setGraphic(new FontIcon(Material2MZ.TIMELINE));
        tabs.getTabs().addAll(charts, events);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane main = new SplitPane(upper, tabs);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.6);

        Label banner = new Label();
        banner.getStyleClass().add(AppStyles.SPLIT_BRAIN_BANNER);
        banner.setGraphic(new FontIcon(Material2MZ.WARNING));
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(Bindings.createStringBinding(() -> {
            String text = live.cluster().splitBrainTextProperty().get();
            if (text.isEmpty() && live.timeline().splitBrainProperty().get()) {
                text = "Split brain reported: more than one director holds the VIPs";
            }
            return text + (text.isEmpty() ? "" : ". Clients may reach either director; isolate one now.");
        }, live.cluster().splitBrainTextProperty(), live.timeline().splitBrainProperty()));
        banner.visibleProperty().bind(live.cluster().splitBrainProperty().or(live.timeline().splitBrainProperty()));
        banner.managedProperty().bind(banner.visibleProperty());
        live.cluster().splitBrainProperty().addListener((o, was, now) -> {
            if (!now) {
                live.timeline().clearSplitBrain();
            }
        });

        setTop(banner);
        setCenter(main);
        setBottom(status);

        live.cluster().structureProperty().addListener(o -> updateScopes());
        live.cluster().selectionProperty().addListener((o, a, item) -> {
            selectScope(item);
            runtime.targetProperty().set(runtimeTarget(item));
        });
        live.metrics().publishedAtProperty().addListener((o, a, at) -> {
            timeline.nowProperty().set(at.longValue());
            status.setUpdated("updated " + CLOCK.format(Instant.ofEpochMilli(at.longValue())));
        });
        long published = live.metrics().publishedAtProperty().get();
        if (published > 0) {
            timeline.nowProperty().set(published);
        }
        status.setUpdated(published > 0 ? "updated " + CLOCK.format(Instant.ofEpochMilli(published)) : "no live figures yet");
        updateScopes();
    }

    private void updateScopes() {
        List<Scope> scopes = new ArrayList<>();
        scopes.add(Scope.CLUSTER);
        live.cluster().vips().forEach(v -> scopes.add(Scope.service(v.key())));
        live.cluster().realServers().forEach(rs -> scopes.add(Scope.realServer(rs.serviceKey(), rs.key())));
        metrics.setScopes(scopes);
    }

    private boolean showServerMenu(ContextMenu menu, Object item, double screenX, double screenY) {
        if (!(item instanceof RealServerItem)) {
            return false;
        }
        live.cluster().selectionProperty().set(item);
        menu.show(topology, screenX, screenY);
        return true;
    }

    private static RuntimeTarget runtimeTarget(Object item) {
        return item instanceof RealServerItem rs ? new RuntimeTarget(ServiceKey.parse(rs.serviceKey()), rs.key(), rs.title()) : null;
    }

    private void selectScope(Object item) {
        if (item instanceof VipItem vip) {
            live.metrics().selectedScopeProperty().set(Scope.service(vip.key()));
        } else if (item instanceof RealServerItem rs) {
            live.metrics().selectedScopeProperty().set(Scope.realServer(rs.serviceKey(), rs.key()));
        }
    }

    public LiveCluster live() {
        return live;
    }

    /** Drain, maintenance, activate and set weight of the selected real server. */
    public RuntimeActionsViewModel runtime() {
        return runtime;
    }

    /** Opens the Set weight dialog for the selected real server (Ctrl+Shift+W). */
    public void askWeight() {
        runtimeView.askWeight();
    }

    public TopologyView topology() {
        return topology;
    }

    public TimelineView timeline() {
        return timeline;
    }

    public void showCharts() {
        tabs.getSelectionModel().select(0);
    }

    public void showTimeline() {
        tabs.getSelectionModel().select(1);
    }
}
