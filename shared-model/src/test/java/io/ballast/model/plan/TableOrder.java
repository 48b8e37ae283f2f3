package io.ballast.model.plan;

import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import java.util.Comparator;
import java.util.List;

/** Tables compared as the kernel sees them: the order of services and of real servers carries no meaning. */
final class TableOrder {

    private TableOrder() {
    }

    static List<VirtualService> normalized(List<VirtualService> table) {
        return table.stream()
                .map(service -> service.withRealServers(service.realServers().stream()
                        .sorted(Comparator.comparing(RealServer::key)).toList()))
                .sorted(Comparator.comparing(service -> service.key().toString()))
                .toList();
    }
}
