package io.ballast.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.agent.security.TlsIdentity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ballast-agent --print-fingerprint}: what a peer pins, known before the agent ever serves. */
class PrintFingerprintTest {

    @TempDir
    Path dir;

    @Test
    void printsTheFingerprintTheAgentWillServeAndStartsNothing() throws Exception {
        Path config = Files.writeString(dir.resolve("agent.json"), """
                { "nodeId": "lb-a", "listenPort": 9443, "stateDir": "state", "dataPlane": "userspace" }
                """);

        String first = printFingerprint(config);
        String second = printFingerprint(config);

        assertThat(first).matches("[0-9A-F]{2}(:[0-9A-F]{2}){31}").isEqualTo(second);
        assertThat(TlsIdentity.loadOrCreate(dir.resolve("state"), "lb-a").fingerprint()).isEqualTo(first);
        assertThat(dir.resolve("state").resolve("spec")).doesNotExist();
    }

    private static String printFingerprint(Path config) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new AgentMain()).execute("--config", config.toString(), "--print-fingerprint");
            assertThat(exit).isZero();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8).strip();
    }
}
