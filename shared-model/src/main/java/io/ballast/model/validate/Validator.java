package io.ballast.model.validate;

import io.ballast.model.ClusterSpec;
import java.util.List;

/**
 * Checks a spec against the rules of its form; returns every problem at once, never throws.
 * Each problem names a JSON pointer into the spec's JSON form and says what to do.
 */
public final class Validator {

    private Validator() {
    }

    public static List<Problem> validate(ClusterSpec spec) {
        Problems problems = new Problems();
        if (spec.schemaVersion() != ClusterSpec.SCHEMA_VERSION) {
            problems.add("/schemaVersion", "is " + spec.schemaVersion() + ", but this Ballast reads schema version "
                    + ClusterSpec.SCHEMA_VERSION + " only; set \"schemaVersion\": " + ClusterSpec.SCHEMA_VERSION
                    + " after converting the file");
        }
        if (spec.name() == null || spec.name().isBlank()) {
            problems.add("/name", "the cluster needs a name; operators and events refer to it");
        }
        DirectorRules.check(spec.directors(), problems);
        FormRules.check(spec, problems);
        if (spec.failover() != null) {
            FailoverRules.check(spec.failover(), problems);
        }
        ServiceRules.check(spec.virtualServices(), problems);
        return problems.toList();
    }
}
