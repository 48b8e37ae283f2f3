package io.ballast.model.plan;

import io.ballast.model.ClusterSpec;
import io.ballast.model.RealServer;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes the minimal plan between two tables. Additions come first and removals last, so that
 * nothing is removed before its replacement is in; a changed setting is always an edit in place.
 */
public final class Planner {

    private Planner() {
    }

    public static Plan between(ClusterSpec from, ClusterSpec to) {
        return between(from.virtualServices(), to.virtualServices());
    }

    public static Plan between(List<VirtualService> from, List<VirtualService> to) {
        Map<ServiceKey, VirtualService> before = index(from);
        Map<ServiceKey, VirtualService> after = index(to);
        List<Operation> additions = new ArrayList<>();
        List<Operation> edits = new ArrayList<>();
        List<Operation> removals = new ArrayList<>();

        for (VirtualService target : after.values()) {
            VirtualService current = before.get(target.key());
            if (current == null) {
                additions.add(new AddService(target));
            } else {
                diffService(current, target, additions, edits, removals);
            }
        }
        for (VirtualService current : before.values()) {
            if (!after.containsKey(current.key())) {
                removals.add(new RemoveService(current));
            }
        }
        List<Operation> ordered = new ArrayList<>(additions.size() + edits.size() + removals.size());
        ordered.addAll(additions);
        ordered.addAll(edits);
        ordered.addAll(removals);
        return new Plan(ordered);
    }

    private static void diffService(VirtualService current, VirtualService target,
                                    List<Operation> additions, List<Operation> edits, List<Operation> removals) {
        // Same real-server list on both sides, so equals compares the service's own settings only.
        VirtualService targetSettings = target.withRealServers(current.realServers());
        if (!current.equals(targetSettings)) {
            edits.add(new EditService(current, targetSettings));
        }
        // Most services of a large spec are untouched: skip indexing them.
        if (current.realServers().equals(target.realServers())) {
            return;
        }
        ServiceKey key = target.key();
        Map<ServerKey, RealServer> servers = indexServers(current.realServers());
        Map<ServerKey, RealServer> wanted = indexServers(target.realServers());
        for (RealServer server : wanted.values()) {
            RealServer existing = servers.get(ServerKey.of(server));
            if (existing == null) {
                additions.add(new AddRealServer(key, server));
            } else if (!Objects.equals(existing, server)) {
                edits.add(new EditRealServer(key, existing, server));
            }
        }
        for (RealServer server : servers.values()) {
            if (!wanted.containsKey(ServerKey.of(server))) {
                removals.add(new RemoveRealServer(key, server));
            }
        }
    }

    static Map<ServiceKey, VirtualService> index(List<VirtualService> services) {
        Map<ServiceKey, VirtualService> map = new LinkedHashMap<>(services.size() * 2);
        for (VirtualService service : services) {
            map.put(service.key(), service);
        }
        return map;
    }

    static Map<ServerKey, RealServer> indexServers(List<RealServer> servers) {
        Map<ServerKey, RealServer> map = new LinkedHashMap<>(servers.size() * 2);
        for (RealServer server : servers) {
            map.put(ServerKey.of(server), server);
        }
        return map;
    }

    /** A real server's identity within its service, as {@link RealServer#key()} but without building a string. */
    record ServerKey(String address, int port) {

        static ServerKey of(RealServer server) {
            return new ServerKey(server.address(), server.port());
        }
    }
}
