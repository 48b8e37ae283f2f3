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
        VirtualService currentSettings = current.withRealServers(List.of());
        VirtualService targetSettings = target.withRealServers(List.of());
        if (!currentSettings.equals(targetSettings)) {
            edits.add(new EditService(current.withRealServers(current.realServers()),
                    target.withRealServers(current.realServers())));
        }
        ServiceKey key = target.key();
        Map<String, RealServer> servers = indexServers(current.realServers());
        Map<String, RealServer> wanted = indexServers(target.realServers());
        for (RealServer server : wanted.values()) {
            RealServer existing = servers.get(server.key());
            if (existing == null) {
                additions.add(new AddRealServer(key, server));
            } else if (!Objects.equals(existing, server)) {
                edits.add(new EditRealServer(key, existing, server));
            }
        }
        for (RealServer server : servers.values()) {
            if (!wanted.containsKey(server.key())) {
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

    static Map<String, RealServer> indexServers(List<RealServer> servers) {
        Map<String, RealServer> map = new LinkedHashMap<>(servers.size() * 2);
        for (RealServer server : servers) {
            map.put(server.key(), server);
        }
        return map;
    }
}
