package io.ballast.app.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One operating-system process of the lab (an agent, a real server, the traffic generator). Its output
 * goes to a log file in the lab directory, and each line to a listener; {@link #kill()} is a real SIGKILL.
 */
final class LabProcess implements AutoCloseable {

    private final String name;
    private final List<String> command;
    private final Path log;
    private Process process;
    private PrintWriter stdin;

    LabProcess(String name, List<String> command, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.log = log;
    }

    String name() {
        return name;
    }

    /**
     * Starts the process and waits until a line of its output satisfies {@code ready} (e.g. "ready …").
     *
     * @return that line
     */
    String start(Predicate<String> ready, Consumer<String> lines, long timeoutSeconds) throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        CompletableFuture<String> readyLine = new CompletableFuture<>();
        Process started = process;
        Thread pump = new Thread(() -> pump(started, ready, lines, readyLine), "lab-output-" + name);
        pump.setDaemon(true);
        pump.start();
        try {
            return readyLine.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            kill();
            throw new IOException(name + " did not start within " + timeoutSeconds + " s; see " + log, e);
        }
    }

    private void pump(Process started, Predicate<String> ready, Consumer<String> lines,
                      CompletableFuture<String> readyLine) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(started.getInputStream(),
                StandardCharsets.UTF_8));
             Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                     StandardOpenOption.APPEND)) {
            String line;
            while ((line = out.readLine()) != null) {
                file.write(line);
                file.write('\n');
                file.flush();
                if (!readyLine.isDone() && ready.test(line)) {
                    readyLine.complete(line);
                }
                lines.accept(line);
            }
        } catch (IOException e) {
            // The process is gone; its exit is noticed by whoever waits on it.
        }
        readyLine.completeExceptionally(new IOException(name + " exited before it was ready"));
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Sends one line to the process's standard input (the traffic generator reads commands there). */
    void tell(String line) {
        if (stdin != null) {
            stdin.println(line);
        }
    }

    /** SIGKILL, as a crash would: no shutdown hooks, nothing released gracefully. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        kill();
    }
}
