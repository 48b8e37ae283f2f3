package io.ballast.app.editing.apply;

import io.ballast.app.connection.AgentException;
import io.ballast.app.connection.AgentRefusedException;
import io.ballast.app.connection.AgentStatus;
import io.ballast.model.ClusterSpec;
import io.ballast.model.api.ApplyResult;
import io.ballast.model.api.Role;
import io.ballast.model.plan.Planner;
import io.ballast.model.plan.SpecChanges;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies an edited spec to every director of a cluster, safely: standby first, master last, each
 * {@code PUT /api/v1/config} with {@code If-Match: <its revision>}, each confirmed by its status before
 * the next. When any step fails, every director that took the new spec gets the previous one back
 * (a PUT with the revision it just reported), so the pair never stays split between two specs.
 * No JavaFX: blocking calls, run it through the TaskExecutor; progress arrives through a callback.
 */
public final class ClusterApply {

    private static final Duration POLL = Duration.ofMillis(100);

    private final Duration confirmTimeout;
    private final ApplyProgress progress;

    public ClusterApply(Duration confirmTimeout, ApplyProgress progress) {
        this.confirmTimeout = confirmTimeout;
        this.progress = progress;
    }

    /**
     * @param inEffect the spec the directors enforce now (the one to return to on failure)
     * @param edited   the spec to apply
     * @param agents   every director of the cluster, with the revision the operator's view is based on
     */
    public ApplyOutcome apply(ClusterSpec inEffect, ClusterSpec edited, List<DirectorAgent> agents) {
        Run run = new Run();
        Map<String, Role> roles = new LinkedHashMap<>();
        for (DirectorAgent agent : agents) {
            try {
                roles.put(agent.id(), agent.client().status().role());
            } catch (AgentException e) {
                return run.end(ApplyOutcome.Result.NOT_STARTED, agent.id() + " cannot be asked for its status, so"
                        + " nothing was changed: " + e.getMessage(), null, agents);
            }
        }
        List<DirectorAgent> order = order(agents, roles, edited);
        List<DirectorAgent> changed = new ArrayList<>();
        for (DirectorAgent agent : order) {
            String who = agent.id() + " (" + roles.get(agent.id()).name().toLowerCase(java.util.Locale.ROOT) + ")";
            run.step(who + ": sending the new spec, based on revision " + agent.knownRevision());
            long revision;
            try {
                ApplyResult result = agent.client().putConfig(edited, agent.knownRevision(), false);
                revision = result.revision();
                run.revisions.put(agent.id(), revision);
                changed.add(agent.withKnownRevision(revision));
                run.step(who + ": took it as revision " + revision + " (" + result.plan().size() + " operation"
                        + (result.plan().size() == 1 ? "" : "s") + ")");
                confirm(agent, revision);
                run.step(who + ": reports revision " + revision + " in effect");
            } catch (AgentRefusedException e) {
                if (e.isStale()) {
                    Conflict conflict = conflict(agent, inEffect, edited, run);
                    return rollBack(run, changed, inEffect, ApplyOutcome.Result.CONFLICT, agent.id()
                            + " was changed by someone else after revision " + agent.knownRevision()
                            + (e.revision() == null ? "" : " (it is at revision " + e.revision() + " now)")
                            + "; review their change, then reload or apply yours on top of it", conflict, agents);
                }
                return rollBack(run, changed, inEffect, ApplyOutcome.Result.ROLLED_BACK, e.getMessage(), null, agents);
            } catch (AgentException e) {
                return rollBack(run, changed, inEffect, ApplyOutcome.Result.ROLLED_BACK, e.getMessage(), null, agents);
            } catch (NotConfirmedException e) {
                return rollBack(run, changed, inEffect, ApplyOutcome.Result.ROLLED_BACK, e.getMessage(), null, agents);
            }
        }
        return run.end(ApplyOutcome.Result.APPLIED, null, null, agents);
    }

    /** Backups first, lowest priority first; the master (the one serving traffic) last. */
    static List<DirectorAgent> order(List<DirectorAgent> agents, Map<String, Role> roles, ClusterSpec spec) {
        Map<String, Integer> priority = new LinkedHashMap<>();
        spec.directors().forEach(d -> priority.put(d.id(), d.priority()));
        return agents.stream()
                .sorted(Comparator.comparing((DirectorAgent a) -> roles.get(a.id()) == Role.MASTER)
                        .thenComparing(a -> priority.getOrDefault(a.id(), 0)))
                .toList();
    }

    private void confirm(DirectorAgent agent, long revision) throws AgentException, NotConfirmedException {
        long deadline = System.nanoTime() + confirmTimeout.toNanos();
        AgentStatus status = agent.client().status();
        while (status.revision() < revision) {
            if (System.nanoTime() > deadline) {
                throw new NotConfirmedException(agent.id() + " took revision " + revision + " but still reports revision "
                        + status.revision() + " after " + confirmTimeout.toSeconds() + " s");
            }
            sleep();
            status = agent.client().status();
        }
    }

    private Conflict conflict(DirectorAgent agent, ClusterSpec inEffect, ClusterSpec edited, Run run) {
        try {
            ClusterSpec theirs = agent.client().config();
            List<String> theirChanges = new ArrayList<>(Planner.between(inEffect, theirs).summaries());
            theirChanges.addAll(SpecChanges.between(inEffect, theirs));
            List<String> ours = new ArrayList<>(Planner.between(theirs, edited).summaries());
            ours.addAll(SpecChanges.between(theirs, edited));
            run.revisions.put(agent.id(), theirs.revision());
            return new Conflict(agent.id(), theirs, theirChanges, ours);
        } catch (AgentException e) {
            run.step(agent.id() + ": its current spec cannot be read (" + e.getMessage() + ")");
            return null;
        }
    }

    private ApplyOutcome rollBack(Run run, List<DirectorAgent> changed, ClusterSpec previous, ApplyOutcome.Result result,
                                  String reason, Conflict conflict, List<DirectorAgent> agents) {
        run.step("not applied: " + reason);
        List<String> failures = new ArrayList<>();
        for (int i = changed.size() - 1; i >= 0; i--) {
            DirectorAgent agent = changed.get(i);
            run.step(agent.id() + ": putting the previous spec back, based on revision " + agent.knownRevision());
            try {
                long revision = agent.client().putConfig(previous, agent.knownRevision(), false).revision();
                run.revisions.put(agent.id(), revision);
                confirm(agent, revision);
                run.step(agent.id() + ": back on the previous spec as revision " + revision);
            } catch (AgentException | AgentRefusedException | NotConfirmedException e) {
                failures.add(agent.id() + " could not be put back (" + e.getMessage() + ") and enforces the new spec");
                run.step(agent.id() + ": could not be put back: " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            return run.end(ApplyOutcome.Result.INCONSISTENT, reason + "; " + String.join("; ", failures)
                    + ". The directors differ: apply again or fix them one by one", conflict, agents);
        }
        return run.end(result, reason, conflict, agents);
    }

    private static void sleep() throws NotConfirmedException {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotConfirmedException("interrupted while waiting for the directors to confirm");
        }
    }

    /** A director took the spec but did not report it in effect in time. */
    private static final class NotConfirmedException extends Exception {
        private static final long serialVersionUID = 1L;

        NotConfirmedException(String message) {
            super(message);
        }
    }

    private final class Run {
        final Map<String, Long> revisions = new LinkedHashMap<>();
        final List<String> steps = new ArrayList<>();

        void step(String line) {
            steps.add(line);
            progress.step(line);
        }

        ApplyOutcome end(ApplyOutcome.Result result, String reason, Conflict conflict, List<DirectorAgent> agents) {
            for (DirectorAgent agent : agents) {
                revisions.putIfAbsent(agent.id(), agent.knownRevision());
            }
            return new ApplyOutcome(result, reason, revisions, steps, conflict);
        }
    }
}
