package io.ballast.app.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, run verbatim through the launcher on a virtual display: the desktop
 * client opens the lab, a director crash is survived, and quitting leaves no process behind.
 */
class ReadmeLabCommandIT {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern LAB_DIR = Pattern.compile("logs in (\\S+);");

    private Process display;
    private Process launcher;

    @AfterEach
    void stopEverything() {
        if (launcher != null) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
        if (display != null) {
            display.destroyForcibly();
        }
    }

    @Test
    void readmesFirstCommandOpensTheLabSurvivesACrashAndLeavesNothingBehind() throws Exception {
        LabRequirements.requireAgentJar();
        LabRequirements.requireCommand("Xvfb");
        String command = firstQuickStartCommand();
        assertThat(command).isEqualTo("./ballast lab");

        int screen = 50 + ThreadLocalRandom.current().nextInt(40);
        display = new ProcessBuilder("Xvfb", ":" + screen, "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ProcessBuilder run = new ProcessBuilder("bash", "-c", command).directory(ROOT.toFile()).redirectErrorStream(true);
        run.environment().put("DISPLAY", ":" + screen);
        run.environment().put("JAVA_TOOL_OPTIONS", "-Dprism.order=sw");
        launcher = run.start();
        Path labDir = labDirectory(launcher);

        await(() -> trafficAnswered(labDir, 0), 180, "the lab's traffic was never answered");
        List<ProcessHandle> children = launcher.descendants().toList();
        ProcessHandle master = agentOf(children, "lb-a").orElseThrow(() -> new AssertionError("no agent lb-a running"));
        int linesBeforeCrash = trafficLines(labDir).size();
        master.destroyForcibly();
        await(() -> trafficAnswered(labDir, linesBeforeCrash + 1), 60, "traffic did not recover after lb-a was killed");

        launcher.destroy();
        launcher.waitFor(30, TimeUnit.SECONDS);
        await(() -> children.stream().noneMatch(ProcessHandle::isAlive), 30,
                "lab processes outlived the client: " + children.stream().filter(ProcessHandle::isAlive).toList());
    }

    private static String firstQuickStartCommand() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher block = Pattern.compile("## Quick start\\s+```\\s*\\n([^\\n]+)").matcher(readme);
        assertThat(block.find()).as("README has a Quick start code block").isTrue();
        return block.group(1).strip();
    }

    private static Path labDirectory(Process launcher) throws Exception {
        CompletableFuture<Path> found = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(launcher.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher m = LAB_DIR.matcher(line);
                    if (m.find()) {
                        found.complete(Path.of(m.group(1)));
                    }
                }
            } catch (IOException e) {
                found.completeExceptionally(e);
            }
            found.completeExceptionally(new AssertionError("the launcher ended without starting a lab"));
        }, "readme-lab-output");
        reader.setDaemon(true);
        reader.start();
        return found.get(600, TimeUnit.SECONDS);
    }

    private static Optional<ProcessHandle> agentOf(List<ProcessHandle> processes, String director) {
        return processes.stream().filter(p -> p.info().arguments()
                .map(args -> String.join(" ", args).contains("agent-" + director + ".json")).orElse(false)).findFirst();
    }

    /** Whether a traffic report after line {@code from} had answers and no failures. */
    private static boolean trafficAnswered(Path labDir, int from) {
        List<JsonNode> lines = trafficLines(labDir);
        return lines.stream().skip(from).anyMatch(l -> l.path("ok").asInt() > 0 && l.path("failed").asInt() == 0);
    }

    private static List<JsonNode> trafficLines(Path labDir) {
        ObjectMapper json = new ObjectMapper();
        try {
            return Files.readAllLines(labDir.resolve("traffic.log")).stream().filter(l -> l.startsWith("{"))
                    .map(l -> {
                        try {
                            return json.readTree(l);
                        } catch (IOException e) {
                            return json.createObjectNode();
                        }
                    }).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void await(BooleanSupplier condition, int seconds, String failure) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError(failure + " (within " + seconds + " s)");
            }
            Thread.sleep(250);
        }
    }
}
