package io.ballast.app.topology;

import io.ballast.model.RealServer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One real server of one service: health, weight and live figures. */
public final class RealServerItem {

    private final String serviceKey;
    private final RealServer server;
    private final String directorId;
    private final ObjectProperty<Health> health = new SimpleObjectProperty<>(Health.UNKNOWN);
    private final StringProperty healthDetail = new SimpleStringProperty("");
    private final IntegerProperty weight = new SimpleIntegerProperty();
    private final DoubleProperty activeConnections = new SimpleDoubleProperty();
    private final DoubleProperty newConnections = new SimpleDoubleProperty();
    private final DoubleProperty throughput = new SimpleDoubleProperty();

    RealServerItem(String serviceKey, RealServer server, String directorId) {
        this.serviceKey = serviceKey;
        this.server = server;
        this.directorId = directorId;
        this.weight.set(server.weight());
    }

    public String serviceKey() {
        return serviceKey;
    }

    public String key() {
        return server.key();
    }

    public RealServer server() {
        return server;
    }

    /** In streamline, the id of the director that is this real server; otherwise null. */
    public String directorId() {
        return directorId;
    }

    public String title() {
        return server.name() != null && !server.name().isBlank() ? server.name() : server.key();
    }

    public ObjectProperty<Health> healthProperty() {
        return health;
    }

    public StringProperty healthDetailProperty() {
        return healthDetail;
    }

    public IntegerProperty weightProperty() {
        return weight;
    }

    public DoubleProperty activeConnectionsProperty() {
        return activeConnections;
    }

    public DoubleProperty newConnectionsProperty() {
        return newConnections;
    }

    public DoubleProperty throughputProperty() {
        return throughput;
    }
}
