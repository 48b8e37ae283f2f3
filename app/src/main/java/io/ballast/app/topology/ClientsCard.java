package io.ballast.app.topology;

import org.kordamp.ikonli.material2.Material2MZ;

/** Where the traffic comes from: the start of every link. */
final class ClientsCard extends DiagramCard {

    ClientsCard(TopologyLayout.Box box) {
        super("clients", Material2MZ.PEOPLE_ALT, DiagramStyles.CLIENTS, box);
        title.setText("Clients");
        subtitle.setText("to the VIPs");
        figures.setVisible(false);
        figures.setManaged(false);
        strip.setVisible(false);
    }
}
