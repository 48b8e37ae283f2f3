package io.ballast.app.topology;

import io.ballast.app.metrics.Units;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A director with its role badge (MASTER / BACKUP / FAULT, or the connection state when it is
 * not live) and a warning when its spec differs from its peer's. In streamline it is also a real
 * server and shows that server's figures.
 */
final class DirectorCard extends DiagramCard {

    private final DirectorItem director;
    private final List<RealServerItem> asServer;
    private final Label badge = new Label();
    private final Label mismatch = new Label("spec differs", new FontIcon(Material2MZ.WARNING));
    private final Tooltip connectionTip = new Tooltip();

    DirectorCard(DirectorItem director, List<RealServerItem> asServer, TopologyLayout.Box box) {
        super(director, director.alsoRealServer() ? Material2AL.DNS : Material2AL.ACCOUNT_TREE, DiagramStyles.DIRECTOR, box);
        this.director = director;
        this.asServer = asServer;
        title.setText(director.id());
        badge.getStyleClass().add(DiagramStyles.BADGE);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        mismatch.getStyleClass().add(DiagramStyles.MISMATCH);
        mismatch.setTooltip(new Tooltip("This director enforces a different spec than its peer. Re-apply the spec to both."));
        StackPane badgeBox = new StackPane(badge);
        badgeBox.setAlignment(Pos.TOP_RIGHT);
        getChildren().add(badgeBox);
        text.getChildren().add(mismatch);
        Tooltip.install(this, connectionTip);
        InvalidationListener refresh = o -> refresh();
        director.badgeProperty().addListener(refresh);
        director.connectionProperty().addListener(refresh);
        director.specMismatchProperty().addListener(refresh);
        director.planeProperty().addListener(refresh);
        director.connectionMessageProperty().addListener(refresh);
        asServer.forEach(rs -> {
            rs.throughputProperty().addListener(refresh);
            rs.healthProperty().addListener(refresh);
        });
        refresh();
    }

    private void refresh() {
        badge.setText(director.badgeProperty().get());
        swapStyle(badge, DiagramStyles.ALL_BADGES, DiagramStyles.badge(director.liveRole()));
        Health health = director.liveRole() == null ? Health.UNKNOWN
                : switch (director.liveRole()) {
                    case MASTER, BACKUP -> Health.UP;
                    case FAULT -> Health.DOWN;
                    default -> Health.DRAINING;
                };
        swapStyle(strip, DiagramStyles.ALL_HEALTH, DiagramStyles.health(health));
        String plane = director.planeProperty().get();
        subtitle.setText(director.director().address() + (plane != null ? " · " + plane : ""));
        mismatch.setVisible(director.specMismatchProperty().get());
        mismatch.setManaged(director.specMismatchProperty().get());
        if (!asServer.isEmpty()) {
            double throughput = asServer.stream().mapToDouble(rs -> rs.throughputProperty().get()).sum();
            boolean up = asServer.stream().allMatch(rs -> rs.healthProperty().get() == Health.UP);
            figures.setText("serves too · " + Units.bytesPerSecond(throughput) + (up ? "" : " · check failing"));
        } else {
            figures.setText(director.connectionProperty().get().live() ? "rev " + director.revisionProperty().get() : "last seen data is stale");
        }
        connectionTip.setText(director.connectionMessageProperty().get());
    }
}
