package io.ballast.model.validate;

import io.ballast.model.CheckType;
import io.ballast.model.HealthCheck;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Rules for a service's health check. */
final class HealthCheckRules {

    private HealthCheckRules() {
    }

    static void check(HealthCheck check, String base, Problems problems) {
        if (check.type() == null) {
            problems.add(base + "/type", "is missing; must be tcp, http, https or script");
        }
        positive(check.intervalMs(), base + "/intervalMs", "ms", problems);
        positive(check.timeoutMs(), base + "/timeoutMs", "ms", problems);
        positive(check.rise(), base + "/rise", "successes", problems);
        positive(check.fall(), base + "/fall", "failures", problems);
        if (check.timeoutMs() > 0 && check.intervalMs() > 0 && check.timeoutMs() >= check.intervalMs()) {
            problems.add(base + "/timeoutMs", "is " + check.timeoutMs() + " ms, not shorter than intervalMs "
                    + check.intervalMs() + " ms; a check must end before the next one starts");
        }
        if (check.port() != null) {
            problems.range(base + "/port", check.port(), 1, 65535);
        }
        if (check.type() == CheckType.HTTP || check.type() == CheckType.HTTPS) {
            checkHttp(check, base, problems);
        }
        if (check.type() == CheckType.SCRIPT) {
            List<String> command = check.command();
            if (command.isEmpty() || command.get(0) == null || command.get(0).isBlank()) {
                problems.add(base + "/command", "a script check needs a command, such as"
                        + " [\"/usr/local/bin/check-db\", \"%a\", \"%p\"]");
            }
        }
    }

    private static void checkHttp(HealthCheck check, String base, Problems problems) {
        if (check.path() == null || !check.path().startsWith("/")) {
            problems.add(base + "/path", "an " + check.type().wireName() + " check needs a path that starts with '/',"
                    + " such as \"/healthz\"");
        }
        List<Integer> statuses = check.expectStatus();
        for (int k = 0; k < statuses.size(); k++) {
            Integer status = statuses.get(k);
            if (status == null || status < 100 || status > 599) {
                problems.add(base + "/expectStatus/" + k, "must be an HTTP status between 100 and 599; it is " + status);
            }
        }
        if (check.bodyRegex() != null) {
            try {
                Pattern.compile(check.bodyRegex());
            } catch (PatternSyntaxException e) {
                problems.add(base + "/bodyRegex", "is not a valid regular expression (" + e.getDescription()
                        + " near position " + e.getIndex() + ")");
            }
        }
    }

    private static void positive(int value, String path, String unit, Problems problems) {
        if (value <= 0) {
            problems.add(path, "must be more than 0 " + unit + "; it is " + value);
        }
    }
}
