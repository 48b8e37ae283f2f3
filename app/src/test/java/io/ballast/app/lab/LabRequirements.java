package io.ballast.app.lab;

import java.io.FileNotFoundException;
import org.junit.jupiter.api.Assumptions;

/**
 * The lab starts the agent's jar, which the reactor builds before the client's tests. Run alone
 * without it, the lab tests are skipped with the reason; with {@code CI=true} they fail instead.
 */
final class LabRequirements {

    private LabRequirements() {
    }

    static void requireCommand(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, command))) {
                return;
            }
        }
        skipOrFail("command '" + command + "' (Debian: xvfb)");
    }

    static void requireAgentJar() {
        try {
            LabPaths.agentJar();
        } catch (FileNotFoundException e) {
            skipOrFail(e.getMessage());
        }
    }

    /** Root, Linux, ip, nft and keepalived, for the kernel lab's tests (the RealEngines gate of the client). */
    static void requireKernelLab() {
        java.util.List<String> missing = io.ballast.app.lab.kernel.KernelLab.missing();
        if (!missing.isEmpty()) {
            skipOrFail(String.join(", ", missing));
        }
    }

    private static void skipOrFail(String missing) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("the lab tests need " + missing + " — CI=true, so they must run, not skip");
        }
        Assumptions.abort("the lab tests need " + missing + " — skipped");
    }
}
