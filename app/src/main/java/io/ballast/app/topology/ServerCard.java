package io.ballast.app.topology;

import io.ballast.model.OsType;
import org.kordamp.ikonli.material2.Material2AL;

/** A real server: coloured by health, with weight, active connections and throughput. */
final class ServerCard extends DiagramCard {

    private final RealServerItem server;

    ServerCard(RealServerItem server, TopologyLayout.Box box) {
        super(server, server.server().os() == OsType.WINDOWS ? Material2AL.DESKTOP_WINDOWS : Material2AL.DNS,
                DiagramStyles.REAL_SERVER, box);
        this.server = server;
        title.setText(server.title());
        subtitle.setText(ServerTiles.subtitle(server));
        server.changedProperty().addListener(o -> refresh());
        server.weightProperty().addListener(o -> refresh());
        refresh();
    }

    private void refresh() {
        swapStyle(strip, DiagramStyles.ALL_HEALTH, DiagramStyles.health(server.healthProperty().get()));
        swapStyle(this, DiagramStyles.ALL_HEALTH, DiagramStyles.health(server.healthProperty().get()));
        figures.setText(ServerTiles.figures(server));
    }
}
