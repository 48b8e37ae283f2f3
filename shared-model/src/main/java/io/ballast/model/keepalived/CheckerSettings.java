package io.ballast.model.keepalived;

/**
 * Checker options that cascade in keepalived: a virtual server's value is the default for its real
 * servers, a real server's the default for its checkers. Absent values fall back to keepalived's
 * own defaults.
 */
final class CheckerSettings {

    static final int DEFAULT_DELAY_LOOP_MS = 60_000;
    static final int DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

    Integer delayLoopMs;
    Integer connectTimeoutMs;
    Integer retry;
    String virtualhost;
    Boolean inhibitOnFailure;

    CheckerSettings copy() {
        CheckerSettings copy = new CheckerSettings();
        copy.delayLoopMs = delayLoopMs;
        copy.connectTimeoutMs = connectTimeoutMs;
        copy.retry = retry;
        copy.virtualhost = virtualhost;
        copy.inhibitOnFailure = inhibitOnFailure;
        return copy;
    }

    /** Takes the statement if it is one of the cascading options; true when it was. */
    boolean take(ConfStatement statement, ImportContext context) {
        switch (statement.keyword()) {
            case "delay_loop" -> {
                Integer ms = context.millis(statement, 0);
                if (ms != null) {
                    delayLoopMs = ms;
                }
            }
            case "connect_timeout" -> {
                Integer ms = context.millis(statement, 0);
                if (ms != null) {
                    connectTimeoutMs = ms;
                }
            }
            case "retry", "nb_get_retry" -> {
                Integer n = context.integer(statement, 0, 0, 1000);
                if (n != null) {
                    retry = n;
                }
            }
            case "virtualhost" -> virtualhost = statement.arg(0);
            case "inhibit_on_failure" -> {
                Boolean on = context.bool(statement, 0);
                if (on != null) {
                    inhibitOnFailure = on;
                }
            }
            case "delay_before_retry" -> context.issue(statement, ImportIssue.Kind.APPROXIMATED,
                    "Ballast checks again after the check interval (delay_loop), not after a separate retry delay");
            case "warmup", "alpha", "log_all_failures" -> context.notMapped(statement,
                    "Ballast starts every real server as unchecked and logs every change of health; the option is dropped");
            default -> {
                return false;
            }
        }
        return true;
    }
}
