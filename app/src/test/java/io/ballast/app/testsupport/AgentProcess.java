package io.ballast.app.testsupport;

import static org.assertj.core.api.Assertions.fail;

import io.ballast.app.connection.AgentClient;
import io.ballast.app.connection.AgentEndpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A real agent, started as a process from the agent module's jar (the app never links the agent).
 * Build it first with {@code mvn -pl agent -am package -DskipTests}; without the jar the suite is
 * skipped with a message, or fails when CI=true.
 */
public final class AgentProcess implements AutoCloseable {

    public static final Path JAR = Path.of("..", "agent", "target", "ballast-agent.jar");
    public static final String TOKEN = "editing-test-token-0123456789abcdef";

    private static final Pattern LISTENING =
            Pattern.compile("listening on (https://\\S+) \\(certificate SHA-256 ([0-9A-Fa-f:]+)\\)");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final AgentEndpoint endpoint;

    private AgentProcess(Path dir, String config) throws Exception {
        Files.createDirectories(dir);
        Path configFile = dir.resolve("agent.json");
        Files.writeString(configFile, config);
        Path token = dir.resolve("token");
        Files.writeString(token, TOKEN);
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toAbsolutePath().toString(),
                "--config", configFile.toString(), "--token-file", token.toString())
                .redirectErrorStream(true)
                .start();
        CompletableFuture<Matcher> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> read(listening), "agent-output-" + dir.getFileName());
        reader.setDaemon(true);
        reader.start();
        Matcher matcher;
        try {
            matcher = listening.get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("the agent did not say where it listens within 90 s; its output:\n"
                    + String.join("\n", output), e);
        }
        endpoint = AgentEndpoint.of(matcher.group(1), TOKEN, matcher.group(2));
    }

    /** Starts an agent; {@code config} is its JSON config (listenPort from {@link #freePort}). */
    public static AgentProcess start(Path dir, String config) throws Exception {
        requireJar();
        return new AgentProcess(dir, config);
    }

    public static void requireJar() {
        if (Files.isRegularFile(JAR)) {
            return;
        }
        String why = JAR.toAbsolutePath().normalize() + " is missing; build it with"
                + " `mvn -pl agent -am package -DskipTests` to run the tests against real agents";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why);
        }
        Assumptions.abort(why);
    }

    public static int freePort(String address) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public AgentEndpoint endpoint() {
        return endpoint;
    }

    public AgentClient client() {
        return new AgentClient(endpoint);
    }

    public String output() {
        return String.join("\n", output);
    }

    private void read(CompletableFuture<Matcher> listening) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                Matcher matcher = LISTENING.matcher(line);
                if (!listening.isDone() && matcher.find()) {
                    listening.complete(matcher);
                }
            }
        } catch (IOException e) {
            // the process went away; close() reports nothing more
        }
        listening.completeExceptionally(new IllegalStateException("the agent exited"));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
