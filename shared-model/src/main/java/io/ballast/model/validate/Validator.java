package io.ballast.model.validate;

import io.ballast.model.ClusterSpec;
import java.util.ArrayList;
import java.util.List;

/** Checks a spec against the rules of its form; returns every problem at once, never throws. */
public final class Validator {

    private Validator() {
    }

    public static List<Problem> validate(ClusterSpec spec) {
        List<Problem> problems = new ArrayList<>();
        if (spec.name() == null || spec.name().isBlank()) {
            problems.add(new Problem("/name", "the cluster needs a name"));
        }
        if (spec.form() == null) {
            problems.add(new Problem("/form", "must be SINGLE, HA_PAIR or STREAMLINE"));
        }
        return problems;
    }
}
