package io.ballast.app.editing.job;

import io.ballast.model.ClusterSpec;
import java.util.Objects;

/**
 * Sets one field anywhere in the spec (the inspector's edits). Executable when the place exists and
 * the value differs; an invalid value is still accepted here, so the operator sees the Validator's
 * sentence on the field instead of losing what they typed.
 *
 * @param <T> the field's type
 */
public final class EditFieldJob<T> extends SpecTransformJob {

    private final SpecPath<T> path;
    private final T value;
    private final String subject;

    public EditFieldJob(SpecDocument document, SpecPath<T> path, T value) {
        super(document);
        this.path = path;
        this.value = value;
        this.subject = SpecSubjects.of(document.spec(), path.pointer());
    }

    @Override
    protected ClusterSpec transform(ClusterSpec spec) {
        if (!path.existsIn(spec) || Objects.equals(path.read(spec), value)) {
            return null;
        }
        return path.write(spec, value);
    }

    @Override
    public String description() {
        return "Set " + path.label().toLowerCase(java.util.Locale.ROOT) + " of " + subject + " to "
                + (value == null ? "(none)" : value);
    }

    public SpecPath<T> path() {
        return path;
    }
}
