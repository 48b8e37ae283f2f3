package io.ballast.model.plan;

import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.FailoverSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes between two specs that are not table operations — the cluster's name and form, its
 * directors, its failover settings — as summary lines for the operator's plan preview
 * ("director lb-b: priority 100 → 150"). The table itself is {@link Planner}'s business; the revision
 * is left out because every accepted change moves it.
 */
public final class SpecChanges {

    private SpecChanges() {
    }

    /** One line per changed thing, in spec order; empty when only the tables (or nothing) differ. */
    public static List<String> between(ClusterSpec from, ClusterSpec to) {
        List<String> lines = new ArrayList<>();
        List<String> cluster = new ArrayList<>();
        PlanText.change(cluster, "schema version", from.schemaVersion(), to.schemaVersion());
        PlanText.change(cluster, "name", from.name(), to.name());
        PlanText.change(cluster, "form", from.form(), to.form());
        cluster.forEach(change -> lines.add("cluster: " + change));
        directors(from.directors(), to.directors(), lines);
        failover(from.failover(), to.failover(), lines);
        return lines;
    }

    private static void directors(List<Director> from, List<Director> to, List<String> lines) {
        Map<String, Director> before = byId(from);
        Map<String, Director> after = byId(to);
        for (Director director : after.values()) {
            Director old = before.get(director.id());
            if (old == null) {
                lines.add("director " + director.id() + ": added (" + director.address() + ", priority "
                        + director.priority() + ")");
                continue;
            }
            List<String> changes = new ArrayList<>();
            PlanText.change(changes, "address", old.address(), director.address());
            PlanText.change(changes, "agent endpoint", old.agentEndpoint(), director.agentEndpoint());
            PlanText.change(changes, "priority", old.priority(), director.priority());
            PlanText.change(changes, "interface", old.iface(), director.iface());
            if (!changes.isEmpty()) {
                lines.add("director " + director.id() + ": " + String.join(", ", changes));
            }
        }
        for (Director director : before.values()) {
            if (!after.containsKey(director.id())) {
                lines.add("director " + director.id() + ": removed (" + director.address() + ")");
            }
        }
    }

    private static void failover(FailoverSettings from, FailoverSettings to, List<String> lines) {
        if (from == null && to == null) {
            return;
        }
        if (from == null) {
            lines.add("failover: added (vrid " + to.vrid() + ", advert interval " + to.advertIntervalMs() + " ms)");
            return;
        }
        if (to == null) {
            lines.add("failover: removed; the VIPs no longer move to another director");
            return;
        }
        List<String> changes = new ArrayList<>();
        PlanText.change(changes, "vrid", from.vrid(), to.vrid());
        PlanText.change(changes, "advert interval", from.advertIntervalMs() + " ms", to.advertIntervalMs() + " ms");
        PlanText.change(changes, "preempt", onOff(from.preempt()), onOff(to.preempt()));
        PlanText.change(changes, "preempt delay", from.preemptDelaySeconds() + " s", to.preemptDelaySeconds() + " s");
        PlanText.change(changes, "unicast peers", list(from.unicastPeers()), list(to.unicastPeers()));
        PlanText.change(changes, "connection sync", onOff(from.connectionSync()), onOff(to.connectionSync()));
        PlanText.change(changes, "gateway VIPs", list(from.gatewayVips()), list(to.gatewayVips()));
        if (!changes.isEmpty()) {
            lines.add("failover: " + String.join(", ", changes));
        }
    }

    // Directors are matched by id: a renamed director reads as one removed and one added, which it is to VRRP.
    private static Map<String, Director> byId(List<Director> directors) {
        Map<String, Director> map = new LinkedHashMap<>();
        for (Director director : directors) {
            map.put(director.id(), director);
        }
        return map;
    }

    private static String onOff(boolean value) {
        return value ? "on" : "off";
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? null : String.join(", ", values);
    }
}
