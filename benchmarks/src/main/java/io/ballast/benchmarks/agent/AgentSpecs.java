package io.ballast.benchmarks.agent;

import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import java.util.ArrayList;
import java.util.List;

/**
 * The performance-target cluster, made deterministically: {@value #SERVICES} virtual services and
 * {@value #REAL_SERVERS} real servers (the first 773 services have 17, the rest 16), documentation
 * addresses only.
 */
public final class AgentSpecs {

    public static final int SERVICES = 2_277;
    public static final int REAL_SERVERS = 37_205;

    private AgentSpecs() {
    }

    public static ClusterSpec large() {
        List<VirtualService> services = new ArrayList<>(SERVICES);
        int extra = REAL_SERVERS - SERVICES * (REAL_SERVERS / SERVICES);
        for (int s = 0; s < SERVICES; s++) {
            int count = REAL_SERVERS / SERVICES + (s < extra ? 1 : 0);
            List<RealServer> servers = new ArrayList<>(count);
            for (int r = 0; r < count; r++) {
                servers.add(RealServer.of("rs-" + s + "-" + r, "198.51.100." + (r + 1), 8000 + s % 1000, 1 + r % 10));
            }
            services.add(new VirtualService("svc-" + s, Protocol.TCP, "203.0.113." + (1 + s / 1000), 1024 + s,
                    null, null, Scheduler.WRR, null, null, null, null, null, servers));
        }
        // A SINGLE cluster names its one director: the benchmark agent's node id.
        Director self = new Director("bench", "192.0.2.11", "https://192.0.2.11:9443", 100, "eth0");
        return new ClusterSpec(ClusterSpec.SCHEMA_VERSION, "large", ClusterForm.SINGLE, 0, List.of(self), services, null);
    }
}
