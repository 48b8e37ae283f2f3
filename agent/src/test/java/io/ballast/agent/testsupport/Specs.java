package io.ballast.agent.testsupport;

import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import java.util.ArrayList;
import java.util.List;

/** Small specs for agent tests: documentation addresses only. */
public final class Specs {

    /** The one director of the test clusters. */
    public static final Director DIRECTOR = new Director("lb-1", "192.0.2.11", "https://192.0.2.11:9443", 100, "eth0");

    private Specs() {
    }

    /** A SINGLE cluster with {@code services} services of {@code servers} real servers each, weights = {@code weight}. */
    public static ClusterSpec cluster(int services, int servers, int weight) {
        List<VirtualService> vs = new ArrayList<>();
        for (int s = 0; s < services; s++) {
            List<RealServer> rs = new ArrayList<>();
            for (int r = 0; r < servers; r++) {
                rs.add(RealServer.of("web-" + r, "198.51.100." + (r + 1), 8080, weight));
            }
            vs.add(service("svc-" + s, "203.0.113." + (s + 10), 80, rs));
        }
        return new ClusterSpec(ClusterSpec.SCHEMA_VERSION, "test", ClusterForm.SINGLE, 0, List.of(DIRECTOR), vs, null);
    }

    public static VirtualService service(String name, String vip, int port, List<RealServer> servers) {
        return new VirtualService(name, Protocol.TCP, vip, port, null, null, Scheduler.WRR, null, null, null,
                null, null, servers);
    }
}
