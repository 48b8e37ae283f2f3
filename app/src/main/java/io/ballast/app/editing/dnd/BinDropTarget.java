package io.ballast.app.editing.dnd;

import io.ballast.app.editing.EditTarget;
import io.ballast.app.editing.EditingViewModel;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;

/** The bin: real servers and virtual services dropped on it are removed (one undoable step). */
public final class BinDropTarget implements DropTarget {

    private final EditingViewModel vm;

    public BinDropTarget(EditingViewModel vm) {
        this.vm = vm;
    }

    @Override
    public boolean accepts(DragPayload payload, Node picked) {
        return payload instanceof DragPayload.Servers || payload instanceof DragPayload.Service;
    }

    @Override
    public boolean drop(DragPayload payload, Node picked) {
        List<EditTarget> targets = new ArrayList<>();
        if (payload instanceof DragPayload.Servers servers) {
            targets.addAll(servers.servers());
        } else if (payload instanceof DragPayload.Service service) {
            targets.add(service.service());
        }
        vm.selection().setAll(targets);
        return vm.removeSelected();
    }
}
