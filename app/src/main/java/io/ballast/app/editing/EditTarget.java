package io.ballast.app.editing;

import io.ballast.model.ServiceKey;

/**
 * What an edit or a selection points at, by identity rather than by a diagram node, so the view
 * model never holds Nodes: a real server of a service, a virtual service, or a director.
 */
public sealed interface EditTarget {

    record Server(ServiceKey service, String serverKey) implements EditTarget {
    }

    record Service(ServiceKey service) implements EditTarget {
    }

    record DirectorRef(String id) implements EditTarget {
    }
}
