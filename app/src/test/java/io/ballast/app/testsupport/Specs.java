package io.ballast.app.testsupport;

import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.FailoverSettings;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.HealthCheck;
import io.ballast.model.OsType;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import io.ballast.model.AdminState;
import java.util.ArrayList;
import java.util.List;

/** Cluster specs of each form, addressed from the documentation ranges. */
public final class Specs {

    private Specs() {
    }

    public static ClusterSpec single() {
        return new ClusterSpec(ClusterSpec.SCHEMA_VERSION, "shop-edge", ClusterForm.SINGLE, 12,
                List.of(new Director("lb-1", "192.0.2.11", "https://192.0.2.11:9443", 100, "eth0")),
                List.of(service("web", 80, 3, ForwardingMethod.NAT, 0), service("api", 443, 2, ForwardingMethod.NAT, 10)),
                null);
    }

    public static ClusterSpec haPair() {
        return new ClusterSpec(ClusterSpec.SCHEMA_VERSION, "payments", ClusterForm.HA_PAIR, 41,
                List.of(new Director("lb-a", "192.0.2.11", "https://192.0.2.11:9443", 150, "eth0"),
                        new Director("lb-b", "192.0.2.12", "https://192.0.2.12:9443", 100, "eth0")),
                List.of(service("web", 80, 4, ForwardingMethod.NAT, 0), service("api", 443, 3, ForwardingMethod.NAT, 10),
                        service("rdp", 3389, 2, ForwardingMethod.NAT, 20)),
                new FailoverSettings(51, 100, true, 5, List.of(), true, List.of("198.51.100.1")));
    }

    public static ClusterSpec streamline() {
        List<RealServer> nodes = List.of(
                RealServer.of("node-a", "192.0.2.21", 80, 100),
                RealServer.of("node-b", "192.0.2.22", 80, 100),
                RealServer.of("node-c", "192.0.2.23", 80, 100));
        VirtualService web = new VirtualService("web", Protocol.TCP, "203.0.113.10", 80, null, null, Scheduler.WLC,
                null, null, ForwardingMethod.DR, null, HealthCheck.tcp(1000, 500, 2, 3), nodes);
        return new ClusterSpec(ClusterSpec.SCHEMA_VERSION, "intranet", ClusterForm.STREAMLINE, 7,
                List.of(new Director("node-a", "192.0.2.21", "https://192.0.2.21:9443", 150, "eth0"),
                        new Director("node-b", "192.0.2.22", "https://192.0.2.22:9443", 100, "eth0")),
                List.of(web),
                new FailoverSettings(52, 100, true, 5, List.of(), true, List.of()));
    }

    /** {@code services} services of {@code perService} real servers each, on an HA pair. */
    public static ClusterSpec large(int services, int perService) {
        List<VirtualService> list = new ArrayList<>();
        for (int s = 0; s < services; s++) {
            List<RealServer> servers = new ArrayList<>();
            for (int r = 0; r < perService; r++) {
                servers.add(RealServer.of("s" + s + "-r" + r, "198.51.100." + (r + 1), 8000 + s, 100));
            }
            list.add(new VirtualService("svc-" + s, Protocol.TCP, "203.0.113." + (s % 250 + 1), 1000 + s, null, null,
                    Scheduler.WLC, null, null, ForwardingMethod.NAT, null, HealthCheck.tcp(1000, 500, 2, 3), servers));
        }
        return new ClusterSpec(ClusterSpec.SCHEMA_VERSION, "big", ClusterForm.HA_PAIR, 1,
                List.of(new Director("lb-a", "192.0.2.11", "https://192.0.2.11:9443", 150, "eth0"),
                        new Director("lb-b", "192.0.2.12", "https://192.0.2.12:9443", 100, "eth0")),
                list, new FailoverSettings(51, 100, true, 5, List.of(), true, List.of()));
    }

    private static VirtualService service(String name, int port, int count, ForwardingMethod forwarding, int offset) {
        List<RealServer> servers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            OsType os = name.equals("rdp") ? OsType.WINDOWS : OsType.LINUX;
            RealServer rs = new RealServer(name + "-" + (i + 1), "198.51.100." + (offset + i + 21), port, 100 - 20 * (i % 2),
                    null, 0, 0, os, i == count - 1 && count > 3 ? AdminState.DRAIN : AdminState.ACTIVE);
            servers.add(rs);
        }
        return new VirtualService(name, Protocol.TCP, "203.0.113.10", port, null, null, Scheduler.WLC, null, null,
                forwarding, null, HealthCheck.tcp(1000, 500, 2, 3), servers);
    }
}
