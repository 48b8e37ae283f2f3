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

    /**
     * The revision each director is on after the action, a sentence per director that did not take it,
     * and those directors' ids (to flag them as differing).
     */
    public record Result(Map<String, Long> revisions, List<String> differing, List<String> differingDirectors) {

        public Result {
            revisions = Map.copyOf(revisions);
            differing = List.copyOf(differing);
            differingDirectors = List.copyOf(differingDirectors);
        }

        public boolean everywhere() {
            return differing.isEmpty();
        }
    }

    private RuntimeActions() {
    }

    public static Result setState(List<DirectorAgent> agents, ServiceKey service, String server, AdminState state) {
        return setState(agents, service, server, state, ApplyProgress.IGNORE);
    }

    /** As {@link #setState(List, ServiceKey, String, AdminState)}, telling {@code progress} each director's answer. */
    public static Result setState(List<DirectorAgent> agents, ServiceKey service, String server, AdminState state,
                                  ApplyProgress progress) {
        return patch(agents, service, server, new RealServerPatch(null, state),
                state.name().toLowerCase(Locale.ROOT), progress);
    }

    public static Result setWeight(List<DirectorAgent> agents, ServiceKey service, String server, int weight) {
        return setWeight(agents, service, server, weight, ApplyProgress.IGNORE);
    }

    public static Result setWeight(List<DirectorAgent> agents, ServiceKey service, String server, int weight,
                                   ApplyProgress progress) {
        return patch(agents, service, server, new RealServerPatch(weight, null), "weight " + weight, progress);
    }

    private static Result patch(List<DirectorAgent> agents, ServiceKey service, String server, RealServerPatch patch,
                                String what, ApplyProgress progress) {
        Map<String, Long> revisions = new LinkedHashMap<>();
        List<String> differing = new ArrayList<>();
        List<String> differingDirectors = new ArrayList<>();
        for (DirectorAgent agent : agents) {
            progress.step(agent.id() + ": sending " + what + " for " + server);
            try {
                long revision = agent.client().patchRealServer(service, server, patch).revision();
                revisions.put(agent.id(), revision);
                progress.step(agent.id() + ": took " + what + " as revision " + revision);
            } catch (AgentException | AgentRefusedException e) {
                String sentence = agent.id() + " did not take " + what + " for " + server + " of " + service + " ("
                        + e.getMessage() + "); the directors differ until it is repeated there";
                differing.add(sentence);
                differingDirectors.add(agent.id());
                progress.step(sentence);
            }
        }
        return new Result(revisions, differing, differingDirectors);
    }
}
