package io.ballast.model.plan;

import java.util.List;

/**
 * The ordered, minimal operations that turn one table (or spec) into another. Made by {@link Planner};
 * applying a plan to its source gives its target ({@link PlanApplier}).
 */
public record Plan(List<Operation> operations) {

    public static final Plan EMPTY = new Plan(List.of());

    public Plan {
        operations = List.copyOf(operations);
    }

    public boolean isEmpty() {
        return operations.isEmpty();
    }

    public int size() {
        return operations.size();
    }

    /** One line per operation, in order. */
    public List<String> summaries() {
        return operations.stream().map(Operation::summary).toList();
    }
}
