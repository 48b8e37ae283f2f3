package io.ballast.agent.health;

import io.ballast.model.CheckType;
import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.FailAction;
import io.ballast.model.HealthCheck;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import java.util.List;

/** Small specs for health tests: one VIP per service, real servers on loopback. */
final class HealthSpecs {

    static final String VIP = "203.0.113.10";

    private HealthSpecs() {
    }

    static ClusterSpec spec(VirtualService... services) {
        return new ClusterSpec(ClusterSpec.SCHEMA_VERSION, "health-test", ClusterForm.SINGLE, 1, List.of(),
                List.of(services), null);
    }

    static VirtualService service(int vipPort, HealthCheck check, RealServer... servers) {
        return new VirtualService("web", Protocol.TCP, VIP, vipPort, null, null, Scheduler.WRR, null, null, null,
                null, check, List.of(servers));
    }

    static RealServer server(int port) {
        return RealServer.of("rs-" + port, "127.0.0.1", port, 1);
    }

    static String serviceKey(int vipPort) {
        return "tcp/" + VIP + ":" + vipPort;
    }

    static HealthCheck tcp(int intervalMs, int timeoutMs, int rise, int fall) {
        return HealthCheck.tcp(intervalMs, timeoutMs, rise, fall);
    }

    static HealthCheck tcpOnPort(int port, int intervalMs, int timeoutMs, int rise, int fall) {
        return new HealthCheck(CheckType.TCP, intervalMs, timeoutMs, rise, fall, port, null, null, List.of(), null,
                List.of(), FailAction.QUIESCE);
    }

    static HealthCheck http(CheckType type, String path, String host, List<Integer> expect, String bodyRegex,
            int timeoutMs) {
        return new HealthCheck(type, 200, timeoutMs, 1, 1, null, path, host, expect, bodyRegex, List.of(),
                FailAction.QUIESCE);
    }

    static HealthCheck script(int intervalMs, int timeoutMs, String... argv) {
        return new HealthCheck(CheckType.SCRIPT, intervalMs, timeoutMs, 1, 1, null, null, null, List.of(), null,
                List.of(argv), FailAction.QUIESCE);
    }
}
