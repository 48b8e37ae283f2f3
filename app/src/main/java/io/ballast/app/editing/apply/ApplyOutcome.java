package io.ballast.app.editing.apply;

import java.util.List;
import java.util.Map;

/**
 * How an apply ended.
 *
 * @param result    what the operator must know first
 * @param reason    why it did not apply (a sentence), or null when it did
 * @param revisions the revision each director ended on (to base the next change on)
 * @param steps     every step, in order, as the progress callback saw them
 * @param conflict  the other change, when {@code result} is {@link Result#CONFLICT}; else null
 */
public record ApplyOutcome(Result result, String reason, Map<String, Long> revisions, List<String> steps,
                           Conflict conflict) {

    public enum Result {
        /** Every director enforces the edited spec. */
        APPLIED,
        /** A director refused or failed; every director that had taken it was put back to the previous spec. */
        ROLLED_BACK,
        /** A director's spec had changed behind the operator's back; the others were put back. */
        CONFLICT,
        /** Putting a director back failed too: the directors differ; the reason names which. */
        INCONSISTENT,
        /** Nothing was sent: a director could not be asked for its status. */
        NOT_STARTED
    }

    public ApplyOutcome {
        revisions = Map.copyOf(revisions);
        steps = List.copyOf(steps);
    }

    public boolean applied() {
        return result == Result.APPLIED;
    }
}
