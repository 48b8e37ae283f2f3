package io.ballast.agent.api;

import io.ballast.model.validate.Problem;
import java.util.List;

/** Ends a request with an error status and problems; {@link ApiRoutes} turns it into an {@code ApiError} body. */
public class ApiException extends RuntimeException {

    private final int status;
    private final List<Problem> problems;
    private final Long revision;

    public ApiException(int status, List<Problem> problems, Long revision) {
        super(problems.isEmpty() ? "HTTP " + status : problems.get(0).toString());
        this.status = status;
        this.problems = List.copyOf(problems);
        this.revision = revision;
    }

    public ApiException(int status, String path, String message) {
        this(status, List.of(new Problem(path, message)), null);
    }

    public int status() {
        return status;
    }

    public List<Problem> problems() {
        return problems;
    }

    public Long revision() {
        return revision;
    }
}
