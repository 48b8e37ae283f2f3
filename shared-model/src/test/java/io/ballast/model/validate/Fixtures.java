package io.ballast.model.validate;

import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.FailoverSettings;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.HealthCheck;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Valid specs of each form, and small edits that break exactly one rule. */
final class Fixtures {

    private Fixtures() {
    }

    static Director director(String id, String address, int priority) {
        return new Director(id, address, "https://" + address + ":9443", priority, "eth0");
    }

    static FailoverSettings failover() {
        return new FailoverSettings(51, 100, true, 30, List.of(), true, List.of());
    }

    static VirtualService service(String vip, int port, ForwardingMethod forwarding, RealServer... servers) {
        return new VirtualService("web", Protocol.TCP, vip, port, null, null, Scheduler.WLC, Set.of(), null,
                forwarding, null, HealthCheck.tcp(2000, 1000, 2, 3), List.of(servers));
    }

    static VirtualService markService(int mark, String family, RealServer... servers) {
        return new VirtualService("media", null, null, 0, mark, family, Scheduler.RR, Set.of(), null,
                ForwardingMethod.DR, null, null, List.of(servers));
    }

    static ClusterSpec single() {
        return new ClusterSpec(ClusterSpec.SCHEMA_VERSION, "lab", ClusterForm.SINGLE, 1,
                List.of(director("lb-1", "192.0.2.11", 100)),
                List.of(service("203.0.113.10", 80, ForwardingMethod.NAT,
                                RealServer.of("web-1", "198.51.100.21", 8080, 10),
                                RealServer.of("web-2", "198.51.100.22", 8080, 10)),
                        service("2001:db8::10", 443, ForwardingMethod.DR,
                                RealServer.of("web-1", "2001:db8:1::21", 443, 10)),
                        markService(7, "inet", RealServer.of("media-1", "198.51.100.51", 0, 1))),
                null);
    }

    static ClusterSpec haPair() {
        return new ClusterSpec(ClusterSpec.SCHEMA_VERSION, "edge", ClusterForm.HA_PAIR, 1,
                List.of(director("lb-a", "192.0.2.11", 150), director("lb-b", "192.0.2.12", 100)),
                single().virtualServices(), failover());
    }

    static ClusterSpec streamline() {
        return new ClusterSpec(ClusterSpec.SCHEMA_VERSION, "intranet", ClusterForm.STREAMLINE, 1,
                List.of(director("node-a", "192.0.2.21", 150), director("node-b", "192.0.2.22", 100)),
                List.of(service("203.0.113.30", 80, ForwardingMethod.DR,
                                RealServer.of("node-a", "192.0.2.21", 80, 1),
                                RealServer.of("node-b", "192.0.2.22", 80, 1)),
                        markService(12, "inet",
                                RealServer.of("node-a", "192.0.2.21", 0, 1),
                                RealServer.of("node-b", "192.0.2.22", 0, 1))),
                failover());
    }

    static ClusterSpec withDirectors(ClusterSpec spec, Director... directors) {
        return new ClusterSpec(spec.schemaVersion(), spec.name(), spec.form(), spec.revision(), List.of(directors),
                spec.virtualServices(), spec.failover());
    }

    static ClusterSpec withFailover(ClusterSpec spec, FailoverSettings failover) {
        return new ClusterSpec(spec.schemaVersion(), spec.name(), spec.form(), spec.revision(), spec.directors(),
                spec.virtualServices(), failover);
    }

    static ClusterSpec withServices(ClusterSpec spec, VirtualService... services) {
        return spec.withVirtualServices(List.of(services));
    }

    static ClusterSpec editService(ClusterSpec spec, int index, UnaryOperator<VirtualService> edit) {
        List<VirtualService> services = new ArrayList<>(spec.virtualServices());
        services.set(index, edit.apply(services.get(index)));
        return spec.withVirtualServices(services);
    }

    static ClusterSpec editServer(ClusterSpec spec, int service, int server, UnaryOperator<RealServer> edit) {
        return editService(spec, service, vs -> {
            List<RealServer> servers = new ArrayList<>(vs.realServers());
            servers.set(server, edit.apply(servers.get(server)));
            return vs.withRealServers(servers);
        });
    }

    static ClusterSpec addServer(ClusterSpec spec, int service, RealServer server) {
        return editService(spec, service, vs -> {
            List<RealServer> servers = new ArrayList<>(vs.realServers());
            servers.add(server);
            return vs.withRealServers(servers);
        });
    }

    /** A copy of {@code s} with the settings given; null arguments keep the service's own. */
    static VirtualService settings(VirtualService s, Scheduler scheduler, Set<io.ballast.model.SchedulerFlag> flags,
                                   io.ballast.model.Persistence persistence, HealthCheck check) {
        return new VirtualService(s.name(), s.protocol(), s.address(), s.port(), s.firewallMark(), s.addressFamily(),
                scheduler, flags == null ? s.schedulerFlags() : flags, persistence, s.forwarding(), s.sorryServer(),
                check == null ? s.healthCheck() : check, s.realServers());
    }

    static List<String> paths(ClusterSpec spec) {
        return Validator.validate(spec).stream().map(Problem::path).toList();
    }
}
