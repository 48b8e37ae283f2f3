package io.ballast.model.keepalived;

import io.ballast.model.FailAction;
import io.ballast.model.HealthCheck;
import io.ballast.model.keepalived.ImportIssue.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * keepalived checks each real server on its own; Ballast checks every real server of a service
 * the same way. The check most real servers share becomes the service's; every real server that
 * differs is reported on its checker line.
 */
final class ServiceCheckMerger {

    record Candidate(ConfStatement realServer, ConfStatement checkLine, HealthCheck check, FailAction onFailure) {
    }

    private final ImportContext context;

    ServiceCheckMerger(ImportContext context) {
        this.context = context;
    }

    HealthCheck merge(List<Candidate> candidates) {
        Map<HealthCheck, Integer> votes = new LinkedHashMap<>();
        Map<FailAction, Integer> failVotes = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (c.check() != null) {
                votes.merge(withoutFailAction(c.check()), 1, Integer::sum);
                failVotes.merge(c.onFailure(), 1, Integer::sum);
            }
        }
        if (votes.isEmpty()) {
            return null;
        }
        HealthCheck chosen = winner(votes);
        FailAction onFailure = winner(failVotes);
        Candidate model = candidates.stream()
                .filter(c -> c.check() != null && withoutFailAction(c.check()).equals(chosen)).findFirst().orElseThrow();
        for (Candidate c : candidates) {
            String where = ImportContext.where(model.checkLine(), c.realServer());
            if (c.check() == null) {
                context.issue(c.realServer(), Kind.APPROXIMATED, "this real server has no checker here; Ballast will"
                        + " check it like the others of its service (the " + model.checkLine().keyword() + " on " + where + ")");
            } else if (!withoutFailAction(c.check()).equals(chosen)) {
                context.issue(c.checkLine(), Kind.APPROXIMATED, "differs from the " + model.checkLine().keyword()
                        + " on " + where + ", which Ballast applies to every real server of this service");
            } else if (c.onFailure() != onFailure) {
                context.issue(c.realServer(), Kind.APPROXIMATED, "inhibit_on_failure differs from most real servers of"
                        + " this service; Ballast " + (onFailure == FailAction.QUIESCE
                        ? "sets every failed server's weight to 0" : "removes every failed server"));
            }
        }
        return new HealthCheck(chosen.type(), chosen.intervalMs(), chosen.timeoutMs(), chosen.rise(), chosen.fall(),
                chosen.port(), chosen.path(), chosen.host(), chosen.expectStatus(), chosen.bodyRegex(), chosen.command(),
                onFailure);
    }

    private static <T> T winner(Map<T, Integer> votes) {
        T best = null;
        int most = -1;
        for (Map.Entry<T, Integer> vote : votes.entrySet()) {
            if (vote.getValue() > most) {
                best = vote.getKey();
                most = vote.getValue();
            }
        }
        return best;
    }

    private static HealthCheck withoutFailAction(HealthCheck check) {
        return new HealthCheck(check.type(), check.intervalMs(), check.timeoutMs(), check.rise(), check.fall(),
                check.port(), check.path(), check.host(), check.expectStatus(), check.bodyRegex(), check.command(),
                FailAction.REMOVE);
    }
}
