package io.ballast.model.plan;

import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The words of plan summaries, in one place so every operation reads alike. */
final class PlanText {

    private PlanText() {
    }

    static String label(VirtualService service) {
        return service.name() == null ? service.key().toString() : service.name() + " (" + service.key() + ")";
    }

    static String label(RealServer server) {
        return server.name() == null ? server.key() : server.name() + " " + server.key();
    }

    static String serviceChanges(VirtualService before, VirtualService after) {
        List<String> changes = new ArrayList<>();
        change(changes, "scheduler", before.scheduler(), after.scheduler());
        change(changes, "flags", before.schedulerFlags(), after.schedulerFlags());
        change(changes, "persistence", before.persistence(), after.persistence());
        change(changes, "forwarding", before.forwarding(), after.forwarding());
        change(changes, "sorry server", before.sorryServer(), after.sorryServer());
        change(changes, "health check", before.healthCheck(), after.healthCheck());
        change(changes, "name", before.name(), after.name());
        return changes.isEmpty() ? "no change" : String.join(", ", changes);
    }

    static String serverChanges(RealServer before, RealServer after) {
        List<String> changes = new ArrayList<>();
        change(changes, "weight", before.weight(), after.weight());
        change(changes, "state", before.state(), after.state());
        change(changes, "forwarding", before.forwarding(), after.forwarding());
        change(changes, "upper threshold", before.upperThreshold(), after.upperThreshold());
        change(changes, "lower threshold", before.lowerThreshold(), after.lowerThreshold());
        change(changes, "os", before.os(), after.os());
        change(changes, "name", before.name(), after.name());
        return changes.isEmpty() ? "no change" : String.join(", ", changes);
    }

    private static void change(List<String> out, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.add(what + " " + text(before) + " → " + text(after));
        }
    }

    private static String text(Object value) {
        return value == null ? "none" : value.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
