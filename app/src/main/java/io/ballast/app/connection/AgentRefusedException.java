package io.ballast.app.connection;

import io.ballast.model.validate.Problem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The agent answered a change (PUT of the spec, PATCH of a real server) with a refusal: the spec was
 * invalid for it (400/422), based on a stale revision (409, {@link #isStale()}) or not allowed.
 * Nothing was changed on that agent.
 */
public final class AgentRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<Problem> problems;
    private final Long revision;

    public AgentRefusedException(String agent, int status, List<Problem> problems, Long revision) {
        super(agent + " refused the change (HTTP " + status + "): "
                + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.status = status;
        this.problems = List.copyOf(problems);
        this.revision = revision;
    }

    public int status() {
        return status;
    }

    /** What the agent said was wrong, each with its JSON path. */
    public List<Problem> problems() {
        return problems;
    }

    /** True for 409: someone else changed the spec after the revision the change was based on. */
    public boolean isStale() {
        return status == 409;
    }

    /** The revision in effect on that agent when it said so, or null. */
    public Long revision() {
        return revision;
    }
}
