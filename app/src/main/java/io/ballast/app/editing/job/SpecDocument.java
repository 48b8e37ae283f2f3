package io.ballast.app.editing.job;

import io.ballast.model.ClusterSpec;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The spec being edited. Jobs replace it as a whole (specs are immutable), so every state the
 * operator has seen can be restored exactly by putting the same instance back.
 */
public final class SpecDocument {

    private final List<Consumer<ClusterSpec>> listeners = new CopyOnWriteArrayList<>();
    private ClusterSpec spec;

    public SpecDocument(ClusterSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    public ClusterSpec spec() {
        return spec;
    }

    /** Replaces the spec and tells the listeners; only jobs and the job manager call this. */
    void replace(ClusterSpec next) {
        Objects.requireNonNull(next, "next");
        if (next == spec) {
            return;
        }
        spec = next;
        listeners.forEach(l -> l.accept(next));
    }

    public void addListener(Consumer<ClusterSpec> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<ClusterSpec> listener) {
        listeners.remove(listener);
    }
}
