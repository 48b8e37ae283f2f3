package io.ballast.app.editing.apply;

import io.ballast.app.connection.AgentException;
import io.ballast.app.connection.AgentRefusedException;
import io.ballast.model.AdminState;
import io.ballast.model.ServiceKey;
import io.ballast.model.api.RealServerPatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Drain, maintenance, activate and set weight: runtime actions, not edits. They take effect at once
 * on every director through PATCH (no plan, no undo); a director that did not take one is reported,
 * because until it is repeated the two directors differ.
 */
public final class RuntimeActions {

    /** The revision each director is on after the action, and a sentence per director that did not take it. */
    public record Result(Map<String, Long> revisions, List<String> differing) {

        public Result {
            revisions = Map.copyOf(revisions);
            differing = List.copyOf(differing);
        }

        public boolean everywhere() {
            return differing.isEmpty();
        }
    }

    private RuntimeActions() {
    }

    public static Result setState(List<DirectorAgent> agents, ServiceKey service, String server, AdminState state) {
        return patch(agents, service, server, new RealServerPatch(null, state),
                state.name().toLowerCase(Locale.ROOT));
    }

    public static Result setWeight(List<DirectorAgent> agents, ServiceKey service, String server, int weight) {
        return patch(agents, service, server, new RealServerPatch(weight, null), "weight " + weight);
    }

    private static Result patch(List<DirectorAgent> agents, ServiceKey service, String server, RealServerPatch patch,
                                String what) {
        Map<String, Long> revisions = new LinkedHashMap<>();
        List<String> differing = new ArrayList<>();
        for (DirectorAgent agent : agents) {
            try {
                revisions.put(agent.id(), agent.client().patchRealServer(service, server, patch).revision());
            } catch (AgentException | AgentRefusedException e) {
                differing.add(agent.id() + " did not take " + what + " for " + server + " of " + service + " ("
                        + e.getMessage() + "); the directors differ until it is repeated there");
            }
        }
        return new Result(revisions, differing);
    }
}
