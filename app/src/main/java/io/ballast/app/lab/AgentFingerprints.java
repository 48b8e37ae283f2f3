package io.ballast.app.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Each director's certificate fingerprint before its agent starts ({@code ballast-agent --print-fingerprint}
 * makes the key in its state directory), so every agent can pin its peers' from its first start.
 */
final class AgentFingerprints {

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9A-F]{2}(:[0-9A-F]{2}){31}");
    private static final long TIMEOUT_SECONDS = 60;

    private AgentFingerprints() {
    }

    /** Director id → fingerprint, for the agent configs given in the same order as the ids. */
    static Map<String, String> of(List<Path> configs, List<String> ids) throws IOException {
        List<Process> running = new ArrayList<>();
        try {
            // Side by side: each is a JVM start, and the lab waits for all of them.
            for (Path config : configs) {
                running.add(new ProcessBuilder(LabPaths.java(), "-Xmx64m", "-XX:TieredStopAtLevel=1", "-jar",
                        LabPaths.agentJar().toString(), "--config", config.toString(), "--print-fingerprint")
                        .redirectErrorStream(true).start());
            }
            Map<String, String> fingerprints = new LinkedHashMap<>();
            for (int i = 0; i < running.size(); i++) {
                Process process = running.get(i);
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                String fingerprint = out.lines().map(String::strip).filter(l -> FINGERPRINT.matcher(l).matches())
                        .findFirst().orElse(null);
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0
                        || fingerprint == null) {
                    throw new IOException("the agent of " + ids.get(i) + " could not make its TLS key ("
                            + configs.get(i) + "): " + out.strip());
                }
                fingerprints.put(ids.get(i), fingerprint);
            }
            return fingerprints;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the agents made their TLS keys", e);
        } finally {
            running.forEach(Process::destroyForcibly);
        }
    }
}
