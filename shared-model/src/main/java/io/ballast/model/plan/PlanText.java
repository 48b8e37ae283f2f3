package io.ballast.model.plan;

import io.ballast.model.ForwardingMethod;
import io.ballast.model.HealthCheck;
import io.ballast.model.Persistence;
import io.ballast.model.RealServer;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.SorryServer;
import io.ballast.model.VirtualService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

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

    static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    static String serviceChanges(VirtualService before, VirtualService after) {
        List<String> changes = new ArrayList<>();
        change(changes, "scheduler", before.scheduler() == null ? null : before.scheduler().wireName(),
                after.scheduler() == null ? null : after.scheduler().wireName());
        change(changes, "flags", flags(before.schedulerFlags()), flags(after.schedulerFlags()));
        change(changes, "persistence", persistence(before.persistence()), persistence(after.persistence()));
        change(changes, "forwarding", forwarding(before.forwarding()), forwarding(after.forwarding()));
        change(changes, "sorry server", sorry(before.sorryServer()), sorry(after.sorryServer()));
        changeCheck(changes, before.healthCheck(), after.healthCheck());
        change(changes, "address family", before.addressFamily(), after.addressFamily());
        change(changes, "name", before.name(), after.name());
        return changes.isEmpty() ? "no change" : String.join(", ", changes);
    }

    static String serverChanges(RealServer before, RealServer after) {
        List<String> changes = new ArrayList<>();
        change(changes, "weight", before.weight(), after.weight());
        change(changes, "state", lower(before.state()), lower(after.state()));
        change(changes, "forwarding", serverForwarding(before.forwarding()), serverForwarding(after.forwarding()));
        change(changes, "upper threshold", before.upperThreshold(), after.upperThreshold());
        change(changes, "lower threshold", before.lowerThreshold(), after.lowerThreshold());
        change(changes, "os", lower(before.os()), lower(after.os()));
        change(changes, "name", before.name(), after.name());
        return changes.isEmpty() ? "no change" : String.join(", ", changes);
    }

    /** Adds "what before → after" when the two differ; null reads "none". */
    static void change(List<String> out, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.add(what + " " + (before == null ? "none" : before) + " → " + (after == null ? "none" : after));
        }
    }

    private static void changeCheck(List<String> out, HealthCheck before, HealthCheck after) {
        if (Objects.equals(before, after)) {
            return;
        }
        String from = check(before);
        String to = check(after);
        out.add(from.equals(to) ? "health check " + to + " (details changed)" : "health check " + from + " → " + to);
    }

    private static String check(HealthCheck check) {
        if (check == null) {
            return "none";
        }
        String what = check.type() == null ? "?" : check.type().wireName();
        if (check.path() != null) {
            what += " " + check.path();
        }
        return what + " every " + check.intervalMs() + " ms";
    }

    private static String flags(Set<SchedulerFlag> flags) {
        return flags.isEmpty() ? null
                : flags.stream().sorted().map(SchedulerFlag::wireName).collect(Collectors.joining(", "));
    }

    private static String persistence(Persistence persistence) {
        if (persistence == null) {
            return null;
        }
        String text = persistence.timeoutSeconds() + " s";
        return persistence.netmask() == null ? text : text + " per " + persistence.netmask();
    }

    private static String forwarding(ForwardingMethod method) {
        return method == null ? null : method.wireName();
    }

    private static String serverForwarding(ForwardingMethod method) {
        return method == null ? "service default" : method.wireName();
    }

    private static String sorry(SorryServer sorry) {
        return sorry == null ? null : sorry.endpoint();
    }

    private static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }
}
