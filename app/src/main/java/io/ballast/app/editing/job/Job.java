package io.ballast.app.editing.job;

/**
 * One edit of the spec, undoable. The {@link JobManager} asks {@link #isExecutable()} first, then
 * calls {@link #execute()} once and {@link #undo()} / {@link #redo()} alternately after that.
 */
public abstract class Job {

    private final SpecDocument document;

    protected Job(SpecDocument document) {
        this.document = document;
    }

    public SpecDocument document() {
        return document;
    }

    /** False when the job makes no sense on the current spec (a duplicate server, a missing service). */
    public abstract boolean isExecutable();

    public abstract void execute();

    public abstract void undo();

    public abstract void redo();

    /** What the operator sees in the undo history and the Edit menu ("Add real server web-4 to web"). */
    public abstract String description();
}
