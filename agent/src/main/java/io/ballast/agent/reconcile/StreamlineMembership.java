package io.ballast.agent.reconcile;

import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * In STREAMLINE the directors are also real servers. A director that has left (its agent stopped
 * answering, see {@code failover.PeerWatch}) is taken out of the real-server set of every service at
 * once, instead of waiting for its health checks to fail; it comes back when its agent answers again.
 * A real server is a director when its name is the director's id or its address is the director's address.
 */
public final class StreamlineMembership {

    private StreamlineMembership() {
    }

    /** The spec without the real servers that are the given directors; other forms are returned unchanged. */
    public static ClusterSpec without(ClusterSpec spec, Set<String> leftDirectors) {
        if (spec.form() != ClusterForm.STREAMLINE || leftDirectors.isEmpty()) {
            return spec;
        }
        List<Director> gone = spec.directors().stream().filter(d -> leftDirectors.contains(d.id())).toList();
        if (gone.isEmpty()) {
            return spec;
        }
        List<VirtualService> services = new ArrayList<>(spec.virtualServices().size());
        for (VirtualService service : spec.virtualServices()) {
            List<RealServer> kept = service.realServers().stream().filter(rs -> !isAny(rs, gone)).toList();
            services.add(kept.size() == service.realServers().size() ? service : service.withRealServers(kept));
        }
        return spec.withVirtualServices(services);
    }

    /** Whether {@code server} is the director {@code director}. */
    public static boolean is(RealServer server, Director director) {
        return director.id().equals(server.name()) || director.address().equals(server.address());
    }

    private static boolean isAny(RealServer server, List<Director> directors) {
        return directors.stream().anyMatch(d -> is(server, d));
    }
}
