package io.ballast.app.main;

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
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
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

    public ClusterPane(LiveCluster live) {
        this.live = live;
        topology = new TopologyView(live.cluster());
        InspectorView inspector = new InspectorView(live.cluster());
        metrics = new MetricsView(live.metrics());
        timeline = new TimelineView(live.timeline());
        status = new StatusBar(live.cluster());

        SplitPane upper = new SplitPane(topology, inspector);
        upper.setDividerPositions(0.78);
        SplitPane.setResizableWithParent(inspector, false);
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
        live.cluster().selectionProperty().addListener((o, a, item) -> selectScope(item));
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
