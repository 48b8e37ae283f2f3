package io.ballast.app.editing.job;

import io.ballast.model.ClusterSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs jobs on a {@link SpecDocument} and keeps the undo and redo stacks. Knows the spec in effect
 * on the directors, so it can say whether the operator has edited something that is not applied.
 * No JavaFX here: the editing view model turns the listener calls into properties.
 */
public final class JobManager {

    /** Told after every execute, undo, redo, reload or apply. */
    @FunctionalInterface
    public interface Listener {
        void changed(JobManager manager);
    }

    private final SpecDocument document;
    private final Deque<Job> undoStack = new ArrayDeque<>();
    private final Deque<Job> redoStack = new ArrayDeque<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private ClusterSpec inEffect;

    public JobManager(SpecDocument document) {
        this.document = document;
        this.inEffect = document.spec();
    }

    public SpecDocument document() {
        return document;
    }

    /** Runs {@code job} if it is executable; returns whether it ran. */
    public boolean push(Job job) {
        if (job.document() != document || !job.isExecutable()) {
            return false;
        }
        job.execute();
        undoStack.push(job);
        redoStack.clear();
        fire();
        return true;
    }

    public boolean canUndo() {
        return !undoStack.isEmpty();
    }

    public boolean canRedo() {
        return !redoStack.isEmpty();
    }

    public void undo() {
        if (undoStack.isEmpty()) {
            return;
        }
        Job job = undoStack.pop();
        job.undo();
        redoStack.push(job);
        fire();
    }

    public void redo() {
        if (redoStack.isEmpty()) {
            return;
        }
        Job job = redoStack.pop();
        job.redo();
        undoStack.push(job);
        fire();
    }

    /** "Undo Add real server web-4 to web", for the Edit menu. */
    public Optional<String> undoDescription() {
        return Optional.ofNullable(undoStack.peek()).map(Job::description);
    }

    public Optional<String> redoDescription() {
        return Optional.ofNullable(redoStack.peek()).map(Job::description);
    }

    /** Descriptions of the jobs that can be undone, oldest first (the history list). */
    public List<String> history() {
        List<String> list = new ArrayList<>();
        undoStack.descendingIterator().forEachRemaining(job -> list.add(job.description()));
        return list;
    }

    /** Descriptions of the jobs that can be redone, next first. */
    public List<String> future() {
        List<String> list = new ArrayList<>();
        redoStack.iterator().forEachRemaining(job -> list.add(job.description()));
        return list;
    }

    public ClusterSpec inEffect() {
        return inEffect;
    }

    /** True when the edited spec differs from the one in effect on the directors (the revision aside). */
    public boolean isEdited() {
        return !document.spec().withRevision(inEffect.revision()).equals(inEffect);
    }

    /**
     * The directors now enforce {@code applied} (after an apply): it becomes the spec in effect. The
     * history stays, so the operator can still step back and apply the older spec again.
     */
    public void applied(ClusterSpec applied) {
        inEffect = applied;
        fire();
    }

    /** Throws away every edit and starts again from {@code current} (reload after someone else's change). */
    public void reload(ClusterSpec current) {
        inEffect = current;
        undoStack.clear();
        redoStack.clear();
        document.replace(current);
        fire();
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    private void fire() {
        listeners.forEach(l -> l.changed(this));
    }
}
