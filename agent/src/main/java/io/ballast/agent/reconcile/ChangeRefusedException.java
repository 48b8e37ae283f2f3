package io.ballast.agent.reconcile;

import io.ballast.model.validate.Problem;
import java.util.List;

/**
 * A change the agent did not make; the table and the revision in effect are as before.
 * {@link Reason} tells the API which HTTP status it is.
 */
public class ChangeRefusedException extends Exception {

    /** Why a change was refused. */
    public enum Reason {
        /** The spec (or patch) is invalid or asks for what the plane cannot do. */
        INVALID,
        /** The change was based on a revision that is no longer current. */
        STALE_REVISION,
        /** The service or real server named does not exist. */
        NOT_FOUND,
        /** The plane failed a step and restored its table. */
        APPLY_FAILED
    }

    private final Reason reason;
    private final List<Problem> problems;
    private final long currentRevision;

    public ChangeRefusedException(Reason reason, List<Problem> problems, long currentRevision) {
        super(problems.isEmpty() ? reason.name() : problems.get(0).toString());
        this.reason = reason;
        this.problems = List.copyOf(problems);
        this.currentRevision = currentRevision;
    }

    public Reason reason() {
        return reason;
    }

    public List<Problem> problems() {
        return problems;
    }

    public long currentRevision() {
        return currentRevision;
    }
}
