package io.ballast.app.editing.dnd;

import io.ballast.app.editing.EditTarget;
import io.ballast.app.editing.EditingViewModel;
import io.ballast.app.topology.DirectorItem;
import io.ballast.app.topology.RealServerItem;
import io.ballast.app.topology.TopologyView;
import io.ballast.app.topology.VipItem;
import io.ballast.model.ServiceKey;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;

/** The diagram's cards as drag sources: a server card (with the selection), a VIP card, a director card. */
public final class DiagramDragSource implements DragSource {

    private final TopologyView diagram;
    private final EditingViewModel vm;

    public DiagramDragSource(TopologyView diagram, EditingViewModel vm) {
        this.diagram = diagram;
        this.vm = vm;
    }

    @Override
    public Optional<DragPayload> payload(Node picked) {
        Object item = diagram.itemAt(picked);
        if (item instanceof RealServerItem server && server.directorId() == null) {
            EditTarget.Server dragged = target(server);
            if (vm.selection().contains(dragged)) {
                List<EditTarget.Server> selected = vm.selection().stream()
                        .filter(t -> t instanceof EditTarget.Server).map(t -> (EditTarget.Server) t).toList();
                return Optional.of(new DragPayload.Servers(selected));
            }
            return Optional.of(new DragPayload.Servers(List.of(dragged)));
        }
        if (item instanceof VipItem vip) {
            return Optional.of(new DragPayload.Service(new EditTarget.Service(ServiceKey.parse(vip.key()))));
        }
        if (item instanceof DirectorItem director) {
            return Optional.of(new DragPayload.Director(director.id()));
        }
        return Optional.empty();
    }

    /** The edit target a server card stands for. */
    public static EditTarget.Server target(RealServerItem server) {
        return new EditTarget.Server(ServiceKey.parse(server.serviceKey()), server.key());
    }
}
