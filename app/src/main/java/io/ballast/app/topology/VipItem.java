package io.ballast.app.topology;

import io.ballast.model.VirtualService;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;

/** One virtual service (VIP:port or firewall mark) with its live totals. */
public final class VipItem {

    private final VirtualService service;
    private final DoubleProperty throughput = new SimpleDoubleProperty();
    private final DoubleProperty newConnections = new SimpleDoubleProperty();
    private final DoubleProperty activeConnections = new SimpleDoubleProperty();
    private final IntegerProperty healthyServers = new SimpleIntegerProperty();

    VipItem(VirtualService service) {
        this.service = service;
    }

    public String key() {
        return service.key().toString();
    }

    public VirtualService service() {
        return service;
    }

    /** "web" or, unnamed, the key. */
    public String title() {
        return service.name() != null && !service.name().isBlank() ? service.name() : key();
    }

    public DoubleProperty throughputProperty() {
        return throughput;
    }

    public DoubleProperty newConnectionsProperty() {
        return newConnections;
    }

    public DoubleProperty activeConnectionsProperty() {
        return activeConnections;
    }

    public IntegerProperty healthyServersProperty() {
        return healthyServers;
    }
}
