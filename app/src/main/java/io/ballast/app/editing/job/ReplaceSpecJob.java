package io.ballast.app.editing.job;

import io.ballast.model.ClusterSpec;

/**
 * Replaces the whole edited spec (an import): undoable like any edit. The revision stays the one in
 * effect, since the imported spec is applied on top of what the directors run.
 */
public final class ReplaceSpecJob extends SpecTransformJob {

    private final ClusterSpec replacement;
    private final String description;

    public ReplaceSpecJob(SpecDocument document, ClusterSpec replacement, String description) {
        super(document);
        this.replacement = replacement;
        this.description = description;
    }

    @Override
    protected ClusterSpec transform(ClusterSpec spec) {
        return replacement.withRevision(spec.revision());
    }

    @Override
    public String description() {
        return description;
    }
}
