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

    static void requireAgentJar() {
        try {
            LabPaths.agentJar();
        } catch (FileNotFoundException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(e.getMessage() + " — CI=true, so the lab tests must run, not skip");
            }
            Assumptions.abort(e.getMessage() + " — lab tests skipped");
        }
    }
}
