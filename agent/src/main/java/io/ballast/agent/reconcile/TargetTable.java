package io.ballast.agent.reconcile;

import io.ballast.agent.health.HealthVerdict;
import io.ballast.model.AdminState;
import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.FailAction;
import io.ballast.model.OsType;
import io.ballast.model.RealServer;
import io.ballast.model.SorryServer;
import io.ballast.model.VirtualService;
import io.ballast.model.api.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the plane should hold, from the desired spec, the health verdicts and the failover role.
 * <ul>
 * <li>MAINTENANCE: the server is not in the table. DRAIN: weight 0.</li>
 * <li>Failed health check: weight 0 ({@code onFailure: quiesce}) or not in the table ({@code remove}).
 *     A server without a verdict (no check, or not checked yet) counts as up.</li>
 * <li>Sorry server: added as an ordinary real server, weight 1, exactly when no real server of the
 *     service has a weight above 0 — what keepalived does with {@code sorry_server}; planes need no
 *     sorry logic of their own.</li>
 * <li>Role: a standby keeps the full table so a takeover only moves VIPs; in STREAMLINE a director
 *     that is not master holds no virtual service, so it never balances what the master forwards to it.</li>
 * <li>Table form: real servers carry no name, state or os (the kernel holds none of them).</li>
 * </ul>
 */
public final class TargetTable {

    private TargetTable() {
    }

    public static List<VirtualService> of(ClusterSpec spec, Map<String, Map<String, HealthVerdict>> verdicts, Role role) {
        if (spec.form() == ClusterForm.STREAMLINE && role != Role.MASTER) {
            return List.of();
        }
        List<VirtualService> table = new ArrayList<>(spec.virtualServices().size());
        for (VirtualService service : spec.virtualServices()) {
            table.add(entry(service, verdicts.getOrDefault(service.key().toString(), Map.of())));
        }
        return table;
    }

    /** The table entry of one service. */
    public static VirtualService entry(VirtualService service, Map<String, HealthVerdict> verdicts) {
        FailAction onFailure = service.healthCheck() == null ? FailAction.QUIESCE : service.healthCheck().onFailure();
        List<RealServer> servers = new ArrayList<>(service.realServers().size() + 1);
        boolean anyWeight = false;
        for (RealServer server : service.realServers()) {
            RealServer entry = serverEntry(server, verdicts.get(server.key()), onFailure);
            if (entry != null) {
                servers.add(entry);
                anyWeight |= entry.weight() > 0;
            }
        }
        SorryServer sorry = service.sorryServer();
        if (!anyWeight && sorry != null && servers.stream().noneMatch(s -> s.key().equals(sorry.endpoint()))) {
            servers.add(new RealServer(null, sorry.address(), sorry.port(), 1, null, 0, 0, OsType.LINUX, AdminState.ACTIVE));
        }
        return service.asTableEntry().withRealServers(servers);
    }

    private static RealServer serverEntry(RealServer server, HealthVerdict verdict, FailAction onFailure) {
        if (server.state() == AdminState.MAINTENANCE) {
            return null;
        }
        boolean down = verdict != null && !verdict.up();
        if (down && onFailure == FailAction.REMOVE) {
            return null;
        }
        int weight = server.state() == AdminState.DRAIN || down ? 0 : server.weight();
        return new RealServer(null, server.address(), server.port(), weight, server.forwarding(),
                server.upperThreshold(), server.lowerThreshold(), OsType.LINUX, AdminState.ACTIVE);
    }
}
