package io.ballast.app.editing.dnd;

import io.ballast.app.editing.EditTarget;
import java.util.List;

/** What is being dragged: something new from the palette, or things already in the spec. */
public sealed interface DragPayload {

    /** A new item from the palette. */
    record NewItem(Kind kind) implements DragPayload {
    }

    /** One or more real servers of the diagram (the selection when the dragged card is part of it). */
    record Servers(List<EditTarget.Server> servers) implements DragPayload {
        public Servers {
            servers = List.copyOf(servers);
        }
    }

    /** A virtual service's VIP card. */
    record Service(EditTarget.Service service) implements DragPayload {
    }

    /** A director card. */
    record Director(String id) implements DragPayload {
    }

    /** The kinds the palette offers. */
    enum Kind { VIRTUAL_SERVICE, REAL_SERVER, DIRECTOR }
}
