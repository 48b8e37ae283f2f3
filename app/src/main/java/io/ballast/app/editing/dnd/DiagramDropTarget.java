package io.ballast.app.editing.dnd;

import io.ballast.app.editing.EditTarget;
import io.ballast.app.editing.EditingViewModel;
import io.ballast.app.topology.DirectorItem;
import io.ballast.app.topology.TopologyView;
import io.ballast.app.topology.VipItem;
import io.ballast.model.ServiceKey;
import javafx.scene.Node;

/**
 * The diagram as a drop target, one rule per kind of card under the pointer: a server (new or
 * existing) on a VIP card is added or moved there; a director on the other director swaps their
 * priorities; a new virtual service or a new director anywhere on the diagram is added (a SINGLE
 * cluster becomes an HA_PAIR).
 */
public final class DiagramDropTarget implements DropTarget {

    private final TopologyView diagram;
    private final EditingViewModel vm;

    public DiagramDropTarget(TopologyView diagram, EditingViewModel vm) {
        this.diagram = diagram;
        this.vm = vm;
    }

    @Override
    public boolean accepts(DragPayload payload, Node picked) {
        Object item = diagram.itemAt(picked);
        if (payload instanceof DragPayload.NewItem created) {
            return switch (created.kind()) {
                case VIRTUAL_SERVICE -> true;
                case REAL_SERVER -> item instanceof VipItem;
                case DIRECTOR -> vm.canAddDirector();
            };
        }
        if (payload instanceof DragPayload.Servers servers && item instanceof VipItem vip) {
            ServiceKey to = ServiceKey.parse(vip.key());
            return servers.servers().stream().anyMatch(s -> !s.service().equals(to));
        }
        if (payload instanceof DragPayload.Director director && item instanceof DirectorItem other) {
            return !other.id().equals(director.id());
        }
        return false;
    }

    @Override
    public boolean drop(DragPayload payload, Node picked) {
        Object item = diagram.itemAt(picked);
        if (payload instanceof DragPayload.NewItem created) {
            if (created.kind() == DragPayload.Kind.VIRTUAL_SERVICE) {
                return vm.addNewVirtualService();
            }
            if (created.kind() == DragPayload.Kind.DIRECTOR) {
                return vm.addNewDirector();
            }
            return item instanceof VipItem vip && vm.addNewRealServer(ServiceKey.parse(vip.key()));
        }
        if (payload instanceof DragPayload.Servers servers && item instanceof VipItem vip) {
            ServiceKey to = ServiceKey.parse(vip.key());
            if (servers.servers().size() == 1) {
                EditTarget.Server server = servers.servers().get(0);
                return vm.moveRealServer(server.service(), server.serverKey(), to);
            }
            vm.selection().setAll(servers.servers());
            return vm.moveSelectedServers(to);
        }
        if (payload instanceof DragPayload.Director director && item instanceof DirectorItem other) {
            return vm.swapDirectorPriorities(director.id(), other.id());
        }
        return false;
    }
}
