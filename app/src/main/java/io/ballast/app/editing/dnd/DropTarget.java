package io.ballast.app.editing.dnd;

import javafx.scene.Node;

/** A node things can be dropped on. {@code picked} is the node under the pointer inside it. */
public interface DropTarget {

    /** True when dropping {@code payload} here would do something: the target lights up. */
    boolean accepts(DragPayload payload, Node picked);

    /** Does it (as one job); returns whether anything changed. */
    boolean drop(DragPayload payload, Node picked);
}
