package io.ballast.app.editing.job;

import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.RealServer;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;
import java.util.ArrayList;
import java.util.List;

/** Pure spec surgery shared by the jobs: find, replace, insert and remove by identity or index. */
public final class SpecEdits {

    private SpecEdits() {
    }

    /** Index of the service with this key, or -1. */
    public static int serviceIndex(ClusterSpec spec, ServiceKey key) {
        List<VirtualService> services = spec.virtualServices();
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the real server with this key ("198.51.100.21:80") in the service, or -1. */
    public static int serverIndex(VirtualService service, String serverKey) {
        List<RealServer> servers = service.realServers();
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i).key().equals(serverKey)) {
                return i;
            }
        }
        return -1;
    }

    public static int directorIndex(ClusterSpec spec, String id) {
        for (int i = 0; i < spec.directors().size(); i++) {
            if (spec.directors().get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    public static ClusterSpec withService(ClusterSpec spec, int index, VirtualService service) {
        List<VirtualService> services = new ArrayList<>(spec.virtualServices());
        services.set(index, service);
        return spec.withVirtualServices(services);
    }

    public static ClusterSpec withoutService(ClusterSpec spec, int index) {
        List<VirtualService> services = new ArrayList<>(spec.virtualServices());
        services.remove(index);
        return spec.withVirtualServices(services);
    }

    public static ClusterSpec plusService(ClusterSpec spec, VirtualService service) {
        List<VirtualService> services = new ArrayList<>(spec.virtualServices());
        services.add(service);
        return spec.withVirtualServices(services);
    }

    public static VirtualService withServer(VirtualService service, int index, RealServer server) {
        List<RealServer> servers = new ArrayList<>(service.realServers());
        servers.set(index, server);
        return service.withRealServers(servers);
    }

    public static VirtualService withoutServer(VirtualService service, int index) {
        List<RealServer> servers = new ArrayList<>(service.realServers());
        servers.remove(index);
        return service.withRealServers(servers);
    }

    public static VirtualService plusServers(VirtualService service, List<RealServer> added) {
        List<RealServer> servers = new ArrayList<>(service.realServers());
        servers.addAll(added);
        return service.withRealServers(servers);
    }

    public static ClusterSpec withDirector(ClusterSpec spec, int index, Director director) {
        List<Director> directors = new ArrayList<>(spec.directors());
        directors.set(index, director);
        return new ClusterSpec(spec.schemaVersion(), spec.name(), spec.form(), spec.revision(), directors,
                spec.virtualServices(), spec.failover());
    }

    /** "web-2" when it has a name, else its address and port: how jobs and warnings name a server. */
    public static String label(RealServer server) {
        return server.name() != null && !server.name().isBlank() ? server.name() : server.key();
    }

    /** "web" when it has a name, else its kernel key. */
    public static String label(VirtualService service) {
        return service.name() != null && !service.name().isBlank() ? service.name() : service.key().toString();
    }
}
