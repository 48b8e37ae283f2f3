package io.ballast.model.keepalived;

import io.ballast.model.CheckType;
import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.FailAction;
import io.ballast.model.FailoverSettings;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.HealthCheck;
import io.ballast.model.Persistence;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.SorryServer;
import io.ballast.model.VirtualService;
import java.util.List;
import java.util.Set;

/** An HA pair whose services use everything keepalived.conf can express. */
final class SampleCluster {

    private SampleCluster() {
    }

    static Director directorA(String iface) {
        return new Director("lb-a", "192.0.2.11", "https://192.0.2.11:9443", 150, iface);
    }

    static Director directorB(String iface) {
        return new Director("lb-b", "192.0.2.12", "https://192.0.2.12:9443", 100, iface);
    }

    static List<VirtualService> services(String script) {
        HealthCheck http = new HealthCheck(CheckType.HTTP, 2000, 1500, 1, 3, null, "/healthz", "www.example.org",
                List.of(200, 204, 301, 302, 303), null, List.of(), FailAction.QUIESCE);
        HealthCheck https = new HealthCheck(CheckType.HTTPS, 5000, 2000, 1, 2, 8443, "/status", null,
                List.of(200), null, List.of(), FailAction.REMOVE);
        HealthCheck tcp = HealthCheck.tcp(1000, 500, 1, 3);
        HealthCheck scriptCheck = new HealthCheck(CheckType.SCRIPT, 3000, 2000, 1, 1, null, null, null, List.of(), null,
                List.of(script, "198.51.100.5", "example.org SOA"), FailAction.REMOVE);
        return List.of(
                new VirtualService(null, Protocol.TCP, "203.0.113.10", 80, null, null, Scheduler.WRR, Set.of(),
                        new Persistence(600, "255.255.255.0"), ForwardingMethod.NAT, new SorryServer("198.51.100.99", 8080),
                        http, List.of(
                        new RealServer(null, "198.51.100.1", 8080, 3, null, 1000, 800, null, null),
                        RealServer.of(null, "198.51.100.2", 8080, 1))),
                new VirtualService(null, Protocol.TCP, "203.0.113.10", 443, null, null, Scheduler.SH,
                        Set.of(SchedulerFlag.SH_PORT, SchedulerFlag.SH_FALLBACK), null, ForwardingMethod.DR, null, https,
                        List.of(RealServer.of(null, "198.51.100.1", 443, 1),
                                new RealServer(null, "198.51.100.3", 443, 2, ForwardingMethod.TUN, 0, 0, null, null))),
                new VirtualService(null, null, null, 0, 7, "inet6", Scheduler.MH, Set.of(SchedulerFlag.MH_PORT),
                        new Persistence(300, "64"), ForwardingMethod.DR, null, tcp,
                        List.of(RealServer.of(null, "2001:db8:20::4", 0, 5))),
                new VirtualService(null, Protocol.UDP, "203.0.113.20", 53, null, null, Scheduler.RR, Set.of(), null,
                        ForwardingMethod.NAT, null, scriptCheck, List.of(RealServer.of(null, "198.51.100.5", 53, 1))),
                new VirtualService(null, Protocol.TCP, "2001:db8:10::10", 80, null, null, Scheduler.WLC, Set.of(), null,
                        ForwardingMethod.NAT, null, tcp, List.of(
                        RealServer.of(null, "2001:db8:20::1", 80, 2), RealServer.of(null, "2001:db8:20::2", 80, 2))),
                new VirtualService(null, Protocol.SCTP, "203.0.113.30", 3868, null, null, Scheduler.LC, Set.of(), null,
                        ForwardingMethod.NAT, null, null, List.of(RealServer.of(null, "198.51.100.6", 3868, 1))));
    }

    static ClusterSpec haPair(String iface, String script) {
        return new ClusterSpec(ClusterSpec.SCHEMA_VERSION, "shop", ClusterForm.HA_PAIR, 12,
                List.of(directorA(iface), directorB(iface)), services(script),
                new FailoverSettings(51, 50, true, 30, List.of("192.0.2.12"), true, List.of("10.20.0.1/24")));
    }
}
