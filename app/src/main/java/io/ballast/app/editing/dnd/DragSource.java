package io.ballast.app.editing.dnd;

import java.util.Optional;
import javafx.scene.Node;

/** A node that things can be dragged out of: says what a drag starting at {@code picked} carries. */
@FunctionalInterface
public interface DragSource {

    Optional<DragPayload> payload(Node picked);
}
