package io.ballast.app.editing.job;

import io.ballast.model.ClusterSpec;

/**
 * A job that computes the next spec from the current one. Undo puts the very spec it replaced back,
 * redo the very spec it made, so the round trip is exact whatever the transformation does.
 */
public abstract class SpecTransformJob extends Job {

    private ClusterSpec before;
    private ClusterSpec after;

    protected SpecTransformJob(SpecDocument document) {
        super(document);
    }

    /** The next spec, or null when the job cannot run on {@code spec}. Must not have side effects. */
    protected abstract ClusterSpec transform(ClusterSpec spec);

    @Override
    public boolean isExecutable() {
        ClusterSpec next = transform(document().spec());
        return next != null && !next.equals(document().spec());
    }

    @Override
    public void execute() {
        before = document().spec();
        after = transform(before);
        if (after == null) {
            throw new IllegalStateException(description() + ": cannot be done on the current spec");
        }
        document().replace(after);
    }

    @Override
    public void undo() {
        document().replace(before);
    }

    @Override
    public void redo() {
        document().replace(after);
    }
}
