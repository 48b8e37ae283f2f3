package io.ballast.agent.api;

import io.ballast.agent.health.HealthVerdict;
import io.ballast.model.ClusterSpec;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import io.ballast.model.api.AgentStatus;
import io.ballast.model.api.HealthSummary;
import io.ballast.model.api.ServerHealth;
import io.ballast.model.json.SpecCodec;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/status}: node, role, plane, failover engine, revision, spec hash, cluster and health.
 *
 * <pre>curl -k -H "Authorization: Bearer $TOKEN" https://127.0.0.1:9443/api/v1/status</pre>
 */
final class StatusResource {

    private final ApiServices services;

    StatusResource(ApiServices services) {
        this.services = services;
    }

    void get(Context ctx) {
        Json.send(ctx, status());
    }

    AgentStatus status() {
        ClusterSpec spec = services.reconciler().desired();
        return new AgentStatus(services.nodeId(), services.failover().role(), services.plane().plane(),
                services.plane().lab(), services.failover().name(), spec.revision(), SpecCodec.hash(spec),
                spec.name(), spec.form(), health(spec, services.health().verdicts()), services.startedAtMillis());
    }

    static HealthSummary health(ClusterSpec spec, Map<String, Map<String, HealthVerdict>> verdicts) {
        int up = 0;
        int down = 0;
        int unchecked = 0;
        List<ServerHealth> servers = new ArrayList<>();
        for (VirtualService vs : spec.virtualServices()) {
            Map<String, HealthVerdict> byServer = verdicts.getOrDefault(vs.key().toString(), Map.of());
            for (RealServer rs : vs.realServers()) {
                HealthVerdict v = byServer.get(rs.key());
                if (v == null) {
                    unchecked++;
                    servers.add(new ServerHealth(vs.key().toString(), rs.key(), "unchecked", null, 0));
                } else {
                    if (v.up()) {
                        up++;
                    } else {
                        down++;
                    }
                    servers.add(new ServerHealth(vs.key().toString(), rs.key(), v.up() ? "up" : "down", v.detail(), v.atMillis()));
                }
            }
        }
        return new HealthSummary(up, down, unchecked, servers);
    }
}
