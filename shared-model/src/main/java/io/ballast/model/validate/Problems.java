package io.ballast.model.validate;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while the rules walk a spec, so the operator sees all of them at once. */
final class Problems {

    private final List<Problem> found = new ArrayList<>();

    void add(String path, String message) {
        found.add(new Problem(path, message));
    }

    /** Adds a problem unless {@code value} lies in min..max (inclusive). */
    void range(String path, long value, long min, long max) {
        if (value < min || value > max) {
            add(path, "must be between " + min + " and " + max + "; it is " + value);
        }
    }

    List<Problem> toList() {
        return List.copyOf(found);
    }
}
