package io.ballast.model.json;

import io.ballast.model.ClusterSpec;
import io.ballast.model.validate.Problem;
import io.ballast.model.validate.Validator;
import java.util.List;

/**
 * Reads and validates a spec document in one step, for the CLI, the editor's import and the agent's
 * PUT: the caller gets either a spec with no problems, or every problem it can act on.
 */
public final class SpecLoader {

    private SpecLoader() {
    }

    /**
     * The outcome of loading a document.
     *
     * @param spec     the spec as read, or null when the document could not be read at all
     * @param problems what is wrong: syntax, shape (from reading) or rules (from validation); empty when usable
     */
    public record LoadResult(ClusterSpec spec, List<Problem> problems) {

        public LoadResult {
            problems = List.copyOf(problems);
        }

        /** True when the spec was read and breaks no rule. */
        public boolean isValid() {
            return spec != null && problems.isEmpty();
        }
    }

    /** Reads the text; if it is a well-formed spec, validates it too. Never throws for bad input. */
    public static LoadResult load(String text) {
        ClusterSpec spec;
        try {
            spec = SpecCodec.read(text);
        } catch (SpecFormatException e) {
            return new LoadResult(null, e.problems());
        }
        return new LoadResult(spec, Validator.validate(spec));
    }
}
