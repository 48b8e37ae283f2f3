package io.ballast.app.editing.review;

import io.ballast.app.editing.job.SpecEdits;
import io.ballast.model.AdminState;
import io.ballast.model.ClusterSpec;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import io.ballast.model.plan.EditRealServer;
import io.ballast.model.plan.EditService;
import io.ballast.model.plan.Operation;
import io.ballast.model.plan.Plan;
import io.ballast.model.plan.RemoveRealServer;
import io.ballast.model.plan.RemoveService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The steps of a change an operator should think twice about: dropped connections, a service left
 * without a healthy destination, a different forwarding method (the real servers' routing or ARP
 * settings must match it), a different VRID (the pair briefly sees two masters or none).
 */
public final class RiskWarnings {

    private RiskWarnings() {
    }

    public static List<String> of(ClusterSpec from, ClusterSpec to, Plan plan, LiveFacts facts) {
        List<String> warnings = new ArrayList<>();
        Map<String, VirtualService> after = to.virtualServices().stream()
                .collect(Collectors.toMap(s -> s.key().toString(), Function.identity()));
        for (Operation operation : plan.operations()) {
            if (operation instanceof RemoveRealServer removal) {
                connections(operation.service().toString(), removal.server(), "removed", facts, warnings);
            } else if (operation instanceof RemoveService removal) {
                for (RealServer server : removal.removed().realServers()) {
                    connections(operation.service().toString(), server, "removed with its service "
                            + SpecEdits.label(removal.removed()), facts, warnings);
                }
            } else if (operation instanceof EditService edit) {
                if (edit.before().forwarding() != edit.after().forwarding()) {
                    warnings.add("virtual service " + SpecEdits.label(edit.after()) + ": forwarding changes from "
                            + edit.before().forwarding().wireName() + " to " + edit.after().forwarding().wireName()
                            + "; its real servers' routes (NAT) or VIP-on-loopback and ARP settings (DR, TUN) must match first");
                }
            } else if (operation instanceof EditRealServer edit) {
                VirtualService service = after.get(operation.service().toString());
                if (service != null && edit.before().effectiveForwarding(service.forwarding())
                        != edit.after().effectiveForwarding(service.forwarding())) {
                    warnings.add("real server " + SpecEdits.label(edit.after()) + ": forwarding changes to "
                            + edit.after().effectiveForwarding(service.forwarding()).wireName()
                            + "; the server's routing or ARP settings must match first");
                }
            }
        }
        lastHealthy(from, after, facts, warnings);
        if (from.failover() != null && to.failover() != null && from.failover().vrid() != to.failover().vrid()) {
            warnings.add("failover: the VRRP id changes from " + from.failover().vrid() + " to " + to.failover().vrid()
                    + "; while one director has the new id and the other the old, each thinks it is alone and both may"
                    + " hold the VIPs for a moment");
        }
        return warnings;
    }

    private static void connections(String service, RealServer server, String how, LiveFacts facts, List<String> warnings) {
        OptionalLong active = facts.activeConnections(service, server.key());
        if (active.isPresent() && active.getAsLong() > 0) {
            warnings.add("real server " + SpecEdits.label(server) + " " + how + ": " + active.getAsLong()
                    + " active connection" + (active.getAsLong() == 1 ? "" : "s")
                    + " will be dropped unless drained first");
        } else if (active.isEmpty() && !facts.hasCounters() && server.state() == AdminState.ACTIVE) {
            warnings.add("real server " + SpecEdits.label(server) + " " + how
                    + ": no live counters; its active connections (if any) will be dropped unless drained first");
        }
    }

    private static void lastHealthy(ClusterSpec from, Map<String, VirtualService> after, LiveFacts facts,
                                    List<String> warnings) {
        for (VirtualService before : from.virtualServices()) {
            String key = before.key().toString();
            VirtualService now = after.get(key);
            if (now == null) {
                continue;
            }
            List<RealServer> healthyBefore = healthy(key, before, facts);
            if (!healthyBefore.isEmpty() && healthy(key, now, facts).isEmpty()) {
                warnings.add("virtual service " + SpecEdits.label(now) + ": the last healthy real server"
                        + (healthyBefore.size() == 1 ? " (" + SpecEdits.label(healthyBefore.get(0)) + ")" : "s")
                        + " would be gone; new connections will be refused"
                        + (now.sorryServer() == null ? "" : " or go to the sorry server"));
            }
        }
    }

    private static List<RealServer> healthy(String service, VirtualService vs, LiveFacts facts) {
        return vs.realServers().stream()
                .filter(s -> s.state() == AdminState.ACTIVE && s.weight() > 0 && facts.isUp(service, s.key()))
                .toList();
    }
}
