package io.ballast.app.editing.review;

import io.ballast.model.ClusterSpec;
import io.ballast.model.plan.Plan;
import io.ballast.model.plan.Planner;
import io.ballast.model.plan.SpecChanges;
import io.ballast.model.validate.Problem;
import io.ballast.model.validate.Validator;
import java.util.List;

/**
 * What "Review changes" shows before an apply: the table operations in the order the agents will run
 * them, the other changes (directors, failover), the risky steps, and the problems that block it.
 */
public record ChangeReview(List<String> operations, List<String> specChanges, List<String> warnings,
                           List<Problem> problems) {

    public ChangeReview {
        operations = List.copyOf(operations);
        specChanges = List.copyOf(specChanges);
        warnings = List.copyOf(warnings);
        problems = List.copyOf(problems);
    }

    public static ChangeReview of(ClusterSpec inEffect, ClusterSpec edited, LiveFacts facts) {
        Plan plan = Planner.between(inEffect, edited);
        return new ChangeReview(plan.summaries(), SpecChanges.between(inEffect, edited),
                RiskWarnings.of(inEffect, edited, plan, facts), Validator.validate(edited));
    }

    public boolean isEmpty() {
        return operations.isEmpty() && specChanges.isEmpty();
    }

    /** Apply is offered only for a valid spec that changes something. */
    public boolean canApply() {
        return problems.isEmpty() && !isEmpty();
    }
}
