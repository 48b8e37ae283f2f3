package io.ballast.app.editing.dnd;

import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.input.MouseEvent;

/**
 * Runs every drag of the editor, in Scene Builder's split: sources say what a drag carries, targets
 * say whether they take it and do the drop, this class only tracks the gesture. It uses JavaFX's
 * press-drag-release gesture (startFullDrag), which stays inside the window and needs no dragboard.
 */
public final class DragController {

    /** Style class on a target while it would accept what hovers over it. */
    public static final String DROP_HOVER = "edit-drop-hover";

    private DragPayload current;
    private Node hovered;

    /** The payload of the drag in progress, or null. */
    public DragPayload current() {
        return current;
    }

    public void installSource(Node node, DragSource source) {
        node.addEventFilter(MouseEvent.DRAG_DETECTED, event -> {
            assert Platform.isFxApplicationThread();
            Node picked = event.getPickResult().getIntersectedNode();
            Optional<DragPayload> payload = source.payload(picked == null ? node : picked);
            if (payload.isPresent()) {
                current = payload.get();
                node.startFullDrag();
                event.consume();
            }
        });
        // While one of ours is dragged the diagram must not pan underneath it.
        node.addEventFilter(MouseEvent.MOUSE_DRAGGED, event -> {
            if (current != null) {
                event.consume();
            }
        });
        node.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> Platform.runLater(this::end));
    }

    public void installTarget(Node node, DropTarget target) {
        node.addEventHandler(MouseDragEvent.MOUSE_DRAG_OVER, event -> {
            boolean accepts = current != null && target.accepts(current, picked(event, node));
            highlight(node, accepts);
        });
        node.addEventHandler(MouseDragEvent.MOUSE_DRAG_EXITED_TARGET, event -> highlight(node, false));
        node.addEventHandler(MouseDragEvent.MOUSE_DRAG_RELEASED, event -> {
            assert Platform.isFxApplicationThread();
            DragPayload payload = current;
            highlight(node, false);
            if (payload != null && target.accepts(payload, picked(event, node))) {
                target.drop(payload, picked(event, node));
            }
            current = null;
            event.consume();
        });
    }

    private static Node picked(MouseEvent event, Node fallback) {
        Node picked = event.getPickResult().getIntersectedNode();
        return picked == null ? fallback : picked;
    }

    private void highlight(Node node, boolean on) {
        if (on) {
            if (!node.getStyleClass().contains(DROP_HOVER)) {
                node.getStyleClass().add(DROP_HOVER);
            }
            hovered = node;
        } else {
            node.getStyleClass().remove(DROP_HOVER);
        }
    }

    private void end() {
        current = null;
        if (hovered != null) {
            hovered.getStyleClass().remove(DROP_HOVER);
            hovered = null;
        }
    }
}
