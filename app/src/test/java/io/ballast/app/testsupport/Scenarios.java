package io.ballast.app.testsupport;

import io.ballast.app.connection.ConnectionState;
import io.ballast.app.main.LiveCluster;
import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.api.Role;
import java.util.Map;
import java.util.Set;

/**
 * Live clusters fed with what agents would send, straight into the ViewModels through the same
 * listener the connections use: a spec, statuses, a few minutes of counters and some events.
 */
public final class Scenarios {

    /** A fixed "now" so pictures and assertions do not depend on the wall clock. */
    public static final long NOW = 1_764_150_000_000L;

    private Scenarios() {
    }

    public static ClusterSpec spec(ClusterForm form) {
        switch (form) {
            case SINGLE:
                return Specs.single();
            case STREAMLINE:
                return Specs.streamline();
            default:
                return Specs.haPair();
        }
    }

    public static LiveCluster of(ClusterForm form) {
        ClusterSpec spec = spec(form);
        LiveCluster live = new LiveCluster(() -> NOW);
        Simulator sim = new Simulator(spec);
        String first = spec.directors().get(0).id();
        String second = spec.directors().size() > 1 ? spec.directors().get(1).id() : null;
        for (Director d : spec.directors()) {
            live.config(d.id(), spec);
        }
        live.connectionChanged(first, ConnectionState.CONNECTED, "connected to " + spec.directors().get(0).agentEndpoint());
        Set<String> down = form == ClusterForm.STREAMLINE ? Set.of("node-c") : Set.of("web-2");
        live.status(first, sim.status(first, Role.MASTER, down));
        if (second != null) {
            live.connectionChanged(second, ConnectionState.CONNECTED, "connected to " + spec.directors().get(1).agentEndpoint());
            live.status(second, sim.status(second, Role.BACKUP, down));
        }
        feedCounters(live, sim, first, 180);
        feedEvents(live, form, first, second);
        return live;
    }

    /** {@code seconds} of counters from the master, ending at NOW. */
    public static void feedCounters(LiveCluster live, Simulator sim, String director, int seconds) {
        for (int s = 0; s <= seconds; s++) {
            live.counters(director, sim.snapshot(NOW - (seconds - s) * 1000L, s, 1.0 + s / 120.0));
        }
    }

    private static void feedEvents(LiveCluster live, ClusterForm form, String first, String second) {
        long t = NOW - 14 * 60_000L;
        live.event(first, Simulator.roleChange(1, t, first, "INIT", form == ClusterForm.SINGLE ? "MASTER" : "BACKUP", null));
        if (second != null) {
            live.event(second, Simulator.roleChange(1, t + 2_000, second, "INIT", "MASTER", null));
            live.event(first, Simulator.event(2, t + 60_000, "APPLY", first, "applied revision 41 (2 operations)", Map.of("revision", "41")));
            live.event(second, Simulator.roleChange(3, NOW - 9 * 60_000L, second, "MASTER", "FAULT", null));
            live.event(first, Simulator.roleChange(4, NOW - 9 * 60_000L + 180, first, "BACKUP", "MASTER", 182L));
            live.event(second, Simulator.roleChange(5, NOW - 4 * 60_000L, second, "FAULT", "BACKUP", null));
        } else {
            live.event(first, Simulator.event(2, t + 60_000, "APPLY", first, "applied revision 12 (1 operation)", Map.of("revision", "12")));
        }
        String victim = form == ClusterForm.STREAMLINE ? "192.0.2.23:80" : "198.51.100.22:80";
        live.event(first, Simulator.event(6, NOW - 2 * 60_000L, "HEALTH", first, "tcp connect to " + victim + " refused",
                Map.of("realServer", victim, "up", "false")));
    }
}
