package io.ballast.app.topology;

import io.ballast.app.metrics.Units;
import io.ballast.model.AdminState;
import io.ballast.model.OsType;
import javafx.beans.InvalidationListener;
import org.kordamp.ikonli.material2.Material2AL;

/** A real server: coloured by health, with weight, active connections and throughput. */
final class ServerCard extends DiagramCard {

    private final RealServerItem server;

    ServerCard(RealServerItem server, TopologyLayout.Box box) {
        super(server, server.server().os() == OsType.WINDOWS ? Material2AL.DESKTOP_WINDOWS : Material2AL.DNS,
                DiagramStyles.REAL_SERVER, box);
        this.server = server;
        title.setText(server.title());
        subtitle.setText(server.key() + (server.server().state() != AdminState.ACTIVE
                ? " · " + server.server().state().name().toLowerCase(java.util.Locale.ROOT) : ""));
        InvalidationListener refresh = o -> refresh();
        server.healthProperty().addListener(refresh);
        server.weightProperty().addListener(refresh);
        server.activeConnectionsProperty().addListener(refresh);
        server.throughputProperty().addListener(refresh);
        refresh();
    }

    private void refresh() {
        swapStyle(strip, DiagramStyles.ALL_HEALTH, DiagramStyles.health(server.healthProperty().get()));
        swapStyle(this, DiagramStyles.ALL_HEALTH, DiagramStyles.health(server.healthProperty().get()));
        figures.setText("w " + server.weightProperty().get()
                + " · " + Units.count(server.activeConnectionsProperty().get()) + " conns · "
                + Units.bytesPerSecond(server.throughputProperty().get()));
    }
}
