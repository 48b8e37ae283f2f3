package io.ballast.app.lab;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One process of the lab the operator can act on (a director or a real server) and its state in words. */
public final class LabMember {

    private final String id;
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("running");

    LabMember(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    void setState(String text) {
        state.set(text);
    }
}
