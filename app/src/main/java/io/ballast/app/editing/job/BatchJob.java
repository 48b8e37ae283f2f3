package io.ballast.app.editing.job;

import io.ballast.model.ClusterSpec;
import java.util.List;

/**
 * Several edits as one step of the history (removing a multi-selection, moving three servers).
 * Each step runs on the spec its predecessor made; when any step cannot run, none does.
 */
public final class BatchJob extends SpecTransformJob {

    private final String description;
    private final List<SpecTransformJob> steps;

    public BatchJob(SpecDocument document, String description, List<? extends SpecTransformJob> steps) {
        super(document);
        this.description = description;
        this.steps = List.copyOf(steps);
    }

    @Override
    protected ClusterSpec transform(ClusterSpec spec) {
        if (steps.isEmpty()) {
            return null;
        }
        ClusterSpec current = spec;
        for (SpecTransformJob step : steps) {
            current = step.transform(current);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    @Override
    public String description() {
        return description;
    }
}
