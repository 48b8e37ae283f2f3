package io.ballast.agent.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One {@code ballast-agent} process started from the test's class path; knows when it is ready. */
final class AgentProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("listening on https://\\S+ \\(certificate SHA-256 ([0-9A-F:]+)\\)");

    final Process process;
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private final List<String> output = new ArrayList<>();

    private AgentProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "agent-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static AgentProcess start(Path config, Path tokenFile, List<String> jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.ballast.agent.AgentMain");
        command.add("--config");
        command.add(config.toString());
        if (tokenFile != null) {
            command.add("--token-file");
            command.add(tokenFile.toString());
        }
        return new AgentProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                }
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    ready.complete(m.group(1));
                }
            }
        } catch (IOException e) {
            // The process was killed; its output ends here.
        }
        ready.completeExceptionally(new IllegalStateException("agent exited before it was ready:\n" + output()));
    }

    /** Waits until the API serves; answers the certificate fingerprint the agent printed. */
    String awaitReady(long seconds) throws Exception {
        return ready.get(seconds, TimeUnit.SECONDS);
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** SIGKILL on Linux: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        // Also on a failed assertion: no agent process outlives its test.
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
