package io.ballast.app.topology;

import io.ballast.app.metrics.Units;
import javafx.beans.InvalidationListener;
import org.kordamp.ikonli.material2.Material2MZ;

/** A virtual service: its address, scheduler, and the traffic it takes. */
final class VipCard extends DiagramCard {

    private final VipItem vip;
    private final int servers;

    VipCard(VipItem vip, TopologyLayout.Box box) {
        super(vip, Material2MZ.PUBLIC, DiagramStyles.VIP, box);
        this.vip = vip;
        this.servers = vip.service().realServers().size();
        title.setText(vip.title());
        String scheduler = vip.service().scheduler() == null ? "" : " · " + vip.service().scheduler().name().toLowerCase(java.util.Locale.ROOT);
        subtitle.setText(vip.key() + scheduler);
        InvalidationListener refresh = o -> refresh();
        vip.newConnectionsProperty().addListener(refresh);
        vip.throughputProperty().addListener(refresh);
        vip.healthyServersProperty().addListener(refresh);
        refresh();
    }

    private void refresh() {
        int healthy = vip.healthyServersProperty().get();
        Health health = healthy == servers && servers > 0 ? Health.UP : healthy == 0 ? Health.DOWN : Health.DRAINING;
        swapStyle(strip, DiagramStyles.ALL_HEALTH, DiagramStyles.health(health));
        figures.setText(Units.count(vip.newConnectionsProperty().get()) + " conn/s · "
                + Units.bytesPerSecond(vip.throughputProperty().get()) + " · " + healthy + "/" + servers + " up");
    }
}
