package io.ballast.app.editing.dnd;

import java.util.Optional;
import javafx.scene.Node;

/** A palette entry: dragging it out carries a new item of its kind. */
public final class PaletteDragSource implements DragSource {

    private final DragPayload.Kind kind;

    public PaletteDragSource(DragPayload.Kind kind) {
        this.kind = kind;
    }

    @Override
    public Optional<DragPayload> payload(Node picked) {
        return Optional.of(new DragPayload.NewItem(kind));
    }
}
