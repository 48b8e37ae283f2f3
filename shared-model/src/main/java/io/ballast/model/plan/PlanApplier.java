package io.ballast.model.plan;

import io.ballast.model.RealServer;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a plan to an in-memory table: what the userspace plane does, and what the property tests use
 * to prove that a plan really turns its source into its target. Services keep their order; new ones
 * are appended.
 */
public final class PlanApplier {

    private PlanApplier() {
    }

    /** Throws IllegalStateException if an operation does not fit the table (it was planned from another one). */
    public static List<VirtualService> apply(Plan plan, List<VirtualService> table) {
        Map<ServiceKey, VirtualService> services = new LinkedHashMap<>(Planner.index(table));
        for (Operation op : plan.operations()) {
            if (op instanceof AddService add) {
                putNew(services, add.added());
            } else if (op instanceof EditService edit) {
                services.put(edit.service(),
                        edit.after().withRealServers(existing(services, edit.service()).realServers()));
            } else if (op instanceof RemoveService remove) {
                existing(services, remove.service());
                services.remove(remove.service());
            } else if (op instanceof AddRealServer add) {
                updateServers(services, add.service(), servers -> {
                    if (servers.putIfAbsent(Planner.ServerKey.of(add.server()), add.server()) != null) {
                        throw new IllegalStateException(add.summary() + ": that real server is already there");
                    }
                });
            } else if (op instanceof EditRealServer edit) {
                updateServers(services, edit.service(), servers -> {
                    if (servers.replace(Planner.ServerKey.of(edit.after()), edit.after()) == null) {
                        throw new IllegalStateException(edit.summary() + ": no such real server");
                    }
                });
            } else if (op instanceof RemoveRealServer remove) {
                updateServers(services, remove.service(), servers -> {
                    if (servers.remove(Planner.ServerKey.of(remove.server())) == null) {
                        throw new IllegalStateException(remove.summary() + ": no such real server");
                    }
                });
            }
        }
        return List.copyOf(services.values());
    }

    private static void putNew(Map<ServiceKey, VirtualService> services, VirtualService service) {
        if (services.putIfAbsent(service.key(), service) != null) {
            throw new IllegalStateException("service " + service.key() + " is already in the table");
        }
    }

    private static VirtualService existing(Map<ServiceKey, VirtualService> services, ServiceKey key) {
        VirtualService service = services.get(key);
        if (service == null) {
            throw new IllegalStateException("service " + key + " is not in the table");
        }
        return service;
    }

    private static void updateServers(Map<ServiceKey, VirtualService> services, ServiceKey key,
                                      java.util.function.Consumer<Map<Planner.ServerKey, RealServer>> change) {
        VirtualService service = existing(services, key);
        Map<Planner.ServerKey, RealServer> servers = Planner.indexServers(service.realServers());
        change.accept(servers);
        services.put(key, service.withRealServers(new ArrayList<>(servers.values())));
    }
}
