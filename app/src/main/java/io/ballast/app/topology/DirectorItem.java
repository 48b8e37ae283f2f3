package io.ballast.app.topology;

import io.ballast.app.connection.ConnectionState;
import io.ballast.model.Director;
import io.ballast.model.api.Role;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One director as the client sees it: last role it reported, and whether that report is live. */
public final class DirectorItem {

    private final Director director;
    private final boolean alsoRealServer;
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(Role.INIT);
    private final ObjectProperty<ConnectionState> connection = new SimpleObjectProperty<>(ConnectionState.CONNECTING);
    private final StringProperty connectionMessage = new SimpleStringProperty("");
    private final StringProperty specHash = new SimpleStringProperty();
    private final StringProperty plane = new SimpleStringProperty();
    private final LongProperty revision = new SimpleLongProperty();
    private final BooleanProperty specMismatch = new SimpleBooleanProperty();
    private final StringBinding badge;

    DirectorItem(Director director, boolean alsoRealServer) {
        this.director = director;
        this.alsoRealServer = alsoRealServer;
        this.badge = Bindings.createStringBinding(this::badgeText, role, connection);
    }

    public String id() {
        return director.id();
    }

    public Director director() {
        return director;
    }

    /** True in streamline, where the director is also one of the real servers. */
    public boolean alsoRealServer() {
        return alsoRealServer;
    }

    /** The role to show: the reported one while connected, none otherwise (a stale MASTER is not shown). */
    public Role liveRole() {
        return connection.get().live() ? role.get() : null;
    }

    private String badgeText() {
        Role live = liveRole();
        return live != null ? live.name() : connection.get().name();
    }

    /** MASTER / BACKUP / FAULT / INIT while connected; the connection state (UNREACHABLE…) otherwise. */
    public StringBinding badgeProperty() {
        return badge;
    }

    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    public ObjectProperty<ConnectionState> connectionProperty() {
        return connection;
    }

    public StringProperty connectionMessageProperty() {
        return connectionMessage;
    }

    public StringProperty specHashProperty() {
        return specHash;
    }

    public StringProperty planeProperty() {
        return plane;
    }

    public LongProperty revisionProperty() {
        return revision;
    }

    public BooleanProperty specMismatchProperty() {
        return specMismatch;
    }
}
