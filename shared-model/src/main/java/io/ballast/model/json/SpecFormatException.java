package io.ballast.model.json;

import io.ballast.model.validate.Problem;
import java.util.List;

/** A document that is not a well-formed cluster spec: the problems say where (path, and line:column). */
public class SpecFormatException extends Exception {

    private final List<Problem> problems;

    public SpecFormatException(List<Problem> problems) {
        super(problems.isEmpty() ? "malformed spec" : problems.get(0).toString());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
