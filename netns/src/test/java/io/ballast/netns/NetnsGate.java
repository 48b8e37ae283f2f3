package io.ballast.netns;

import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Skips a namespace suite on a machine without root or iproute2, naming what is missing; with CI=true fails instead. */
final class NetnsGate {

    private NetnsGate() {
    }

    static void require(String suite, String... commands) {
        List<String> missing = HostTools.missing(true, commands);
        if (missing.isEmpty()) {
            return;
        }
        String message = suite + " needs " + String.join(", ", missing);
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message + " — CI=true, so this suite must run, not skip");
        }
        Assumptions.abort(message + " — skipped");
    }
}
