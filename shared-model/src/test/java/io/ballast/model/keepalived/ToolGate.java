package io.ballast.model.keepalived;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Skip-or-fail gate for tests that need a program on this machine (shared-model cannot see the
 * agent's RealEngines). Missing on a developer machine: skipped with a message. Missing with
 * {@code CI=true}: failed, because CI installs everything and a skip there would hide a gap.
 */
final class ToolGate {

    private ToolGate() {
    }

    static void require(String suite, String what, boolean present) {
        if (present) {
            return;
        }
        String message = suite + " needs " + what;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message + " — CI=true, so this suite must run, not skip");
        }
        Assumptions.abort(message + " — skipped");
    }

    /** The program's path if it is on the PATH (or in /usr/sbin, /sbin), else null. */
    static Path find(String command) {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return Path.of(dir, command);
            }
        }
        return null;
    }
}
