package io.ballast.agent.dataplane.nftables;

import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.dataplane.ProcessOutput;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a host command, optionally inside a network namespace ({@code ip netns exec NS …}), feeding
 * it stdin and collecting stdout and stderr. Shared by {@link NftCommand} and the conntrackd
 * supervisor so both honour the same "netns" setting.
 */
public final class CommandRunner {

    /** What a finished command left behind. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private final String netns;
    private final long timeoutMillis;

    /** @param netns namespace to run in, or null/blank for the agent's own */
    public CommandRunner(String netns, long timeoutMillis) {
        this.netns = netns == null || netns.isBlank() ? null : netns;
        this.timeoutMillis = timeoutMillis;
    }

    public String netns() {
        return netns;
    }

    /** The full argv: the command itself, prefixed with {@code ip netns exec} when a namespace is set. */
    public List<String> argv(List<String> command) {
        List<String> argv = new ArrayList<>();
        if (netns != null) {
            argv.addAll(List.of("ip", "netns", "exec", netns));
        }
        argv.addAll(command);
        return argv;
    }

    /** Runs to completion; stdin may be null. Throws only when the command cannot run or hangs. */
    public Result run(List<String> command, String stdin) throws DataPlaneException {
        List<String> argv = argv(command);
        Process process = start(new ProcessBuilder(argv));
        CompletableFuture<String> out = ProcessOutput.drain(process.getInputStream(), "command-output");
        CompletableFuture<String> err = ProcessOutput.drain(process.getErrorStream(), "command-output");
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The command closed its stdin early (it failed at once); its stderr says why.
        }
        awaitExit(process, argv);
        return new Result(process.exitValue(), out.join(), err.join());
    }

    /**
     * Runs with no input and hands stdout to {@code reader} as it arrives, so a listing of megabytes is
     * parsed without first being held as one String.
     *
     * @return the reader's value, or null when the command failed and {@code absent} matched its stderr
     */
    public <T> T read(List<String> command, OutputReader<T> reader, String absent) throws DataPlaneException {
        List<String> argv = argv(command);
        Process process = start(new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))));
        CompletableFuture<String> err = ProcessOutput.drain(process.getErrorStream(), "command-output");
        T value;
        DataPlaneException unreadable = null;
        try (InputStream out = process.getInputStream()) {
            value = reader.read(out);
            out.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            value = null;
            unreadable = new DataPlaneException("Could not read the output of '" + String.join(" ", argv) + "': "
                    + e.getMessage(), e);
        }
        awaitExit(process, argv);
        String stderr = err.join();
        if (process.exitValue() != 0 && absent != null && stderr.contains(absent)) {
            return null;
        }
        if (unreadable != null) {
            throw unreadable; // before the exit code: a reader that gave up closes the pipe, and the command dies of it
        }
        if (process.exitValue() != 0) {
            throw new DataPlaneException("'" + String.join(" ", argv) + "' failed: "
                    + String.join(" | ", stderr.strip().lines().limit(4).map(String::strip).toList()));
        }
        return value;
    }

    /** Turns a command's stdout into a value. */
    @FunctionalInterface
    public interface OutputReader<T> {
        T read(InputStream stdout) throws IOException;
    }

    private static Process start(ProcessBuilder builder) throws DataPlaneException {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new DataPlaneException("Could not start '" + String.join(" ", builder.command()) + "': "
                    + e.getMessage() + ". Is it installed and on the PATH?", e);
        }
    }

    /** Waits within the timeout; a command that hangs, or a wait that is interrupted, kills it. */
    private void awaitExit(Process process, List<String> argv) throws DataPlaneException {
        try {
            if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new DataPlaneException("'" + String.join(" ", argv) + "' did not finish within "
                        + timeoutMillis + " ms and was stopped.");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DataPlaneException("Interrupted while waiting for '" + String.join(" ", argv) + "'.", e);
        }
    }
}
