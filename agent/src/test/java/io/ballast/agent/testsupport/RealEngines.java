package io.ballast.agent.testsupport;

import io.ballast.netns.HostTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Gate for suites that drive real engines (nft, keepalived, QEMU…). On a developer machine that lacks
 * a tool or root, the suite is skipped with a message naming what is missing; with {@code CI=true}
 * the same lack fails the suite, because CI installs everything and a skip there would hide a gap.
 */
public final class RealEngines {

    private RealEngines() {
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Requires each command on the PATH (or as an absolute path), and root if {@code needsRoot}. */
    public static void require(String suite, boolean needsRoot, String... commands) {
        List<String> missing = new ArrayList<>();
        for (String command : commands) {
            if (!onPath(command)) {
                missing.add("command '" + command + "'");
            }
        }
        if (needsRoot && !isRoot()) {
            missing.add("root (CAP_NET_ADMIN)");
        }
        requireNothingMissing(suite, missing);
    }

    /** Requires the given files (kernel images, cached packages) to exist. */
    public static void requireFiles(String suite, Path... files) {
        List<String> missing = new ArrayList<>();
        for (Path file : files) {
            if (!Files.exists(file)) {
                missing.add("file " + file + " (run .ci/run once to fetch it)");
            }
        }
        requireNothingMissing(suite, missing);
    }

    private static void requireNothingMissing(String suite, List<String> missing) {
        if (missing.isEmpty()) {
            return;
        }
        String message = suite + " needs " + String.join(", ", missing);
        if (inCi()) {
            throw new AssertionError(message + " — CI=true, so this suite must run, not skip");
        }
        Assumptions.abort(message + " — skipped");
    }

    public static boolean isRoot() {
        return HostTools.isRoot();
    }

    public static boolean onPath(String command) {
        return HostTools.onPath(command);
    }
}
