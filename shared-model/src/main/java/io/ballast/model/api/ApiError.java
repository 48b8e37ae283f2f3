package io.ballast.model.api;

import io.ballast.model.validate.Problem;
import java.util.List;

/**
 * Every error the agent API returns: the HTTP status again, and each problem with its JSON path
 * (empty when the problem is not about a place in the body).
 *
 * @param status   HTTP status code
 * @param problems what was wrong, where
 * @param revision the revision in effect, when it matters (409 stale revision), else null
 */
public record ApiError(int status, List<Problem> problems, Long revision) {

    public ApiError {
        problems = List.copyOf(problems);
    }
}
