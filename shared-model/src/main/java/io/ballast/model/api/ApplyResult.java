package io.ballast.model.api;

import java.util.List;

/**
 * Answer to PUT /api/v1/config and PATCH of a real server.
 *
 * @param revision the revision in effect afterwards (unchanged for a dry run)
 * @param applied  false for a dry run: the plan was computed, nothing was changed
 * @param plan     one line per operation, in order
 */
public record ApplyResult(long revision, boolean applied, List<String> plan) {

    public ApplyResult {
        plan = List.copyOf(plan);
    }
}
