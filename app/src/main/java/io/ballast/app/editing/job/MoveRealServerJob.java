package io.ballast.app.editing.job;

import io.ballast.model.ClusterSpec;
import io.ballast.model.RealServer;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;
import java.util.List;

/**
 * Moves a real server from one service to another, settings and all (a drop of a server card on
 * another VIP). Refused when the target already has a server at that address and port.
 */
public final class MoveRealServerJob extends SpecTransformJob {

    private final ServiceKey from;
    private final String serverKey;
    private final ServiceKey to;
    private final String label;

    public MoveRealServerJob(SpecDocument document, ServiceKey from, String serverKey, ServiceKey to) {
        super(document);
        this.from = from;
        this.serverKey = serverKey;
        this.to = to;
        this.label = RemoveRealServerJob.labelNow(document.spec(), from, serverKey);
    }

    @Override
    protected ClusterSpec transform(ClusterSpec spec) {
        int source = SpecEdits.serviceIndex(spec, from);
        int target = SpecEdits.serviceIndex(spec, to);
        if (source < 0 || target < 0 || source == target) {
            return null;
        }
        VirtualService sourceService = spec.virtualServices().get(source);
        int server = SpecEdits.serverIndex(sourceService, serverKey);
        if (server < 0) {
            return null;
        }
        RealServer moved = sourceService.realServers().get(server);
        VirtualService targetService = spec.virtualServices().get(target);
        if (SpecEdits.serverIndex(targetService, serverKey) >= 0) {
            return null;
        }
        ClusterSpec removed = SpecEdits.withService(spec, source, SpecEdits.withoutServer(sourceService, server));
        return SpecEdits.withService(removed, target, SpecEdits.plusServers(targetService, List.of(moved)));
    }

    @Override
    public String description() {
        ClusterSpec spec = document().spec();
        return "Move real server " + label + " from " + AddRealServerJob.serviceLabel(spec, from)
                + " to " + AddRealServerJob.serviceLabel(spec, to);
    }
}
