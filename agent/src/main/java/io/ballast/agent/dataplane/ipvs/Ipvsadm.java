package io.ballast.agent.dataplane.ipvs;

import io.ballast.agent.dataplane.DataPlaneException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The kernel interface (keepalived's libipvs role): the one class that runs ipvsadm. Batches go
 * through {@code ipvsadm -R} on stdin — the loader inside {@code ipvsadm-restore}, without the
 * {@code ipvsadm -C} that script runs first, which would empty a live table. {@code ipvsadm -R} keeps
 * going after a failed line and exits with the status of the last line only, so any text on stderr
 * counts as a failure.
 */
public class Ipvsadm {

    /** What one ipvsadm run printed. */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0 && stderr.isBlank();
        }
    }

    private final String executable;
    private final long timeoutSeconds;

    public Ipvsadm(String executable, long timeoutSeconds) {
        this.executable = executable;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Runs one command; throws with ipvsadm's own words if it fails. */
    public Result run(List<String> args) throws DataPlaneException {
        Result result = exec(args, null);
        if (!result.ok()) {
            throw new DataPlaneException("ipvsadm " + String.join(" ", args) + " failed: " + reason(result));
        }
        return result;
    }

    /** Runs a batch of command lines in one ipvsadm process; the result tells whether every line worked. */
    public Result restore(List<String> lines) throws DataPlaneException {
        StringBuilder input = new StringBuilder(lines.size() * 64);
        for (String line : lines) {
            input.append(line).append('\n');
        }
        return exec(List.of("-R"), input.toString());
    }

    public String listing() throws DataPlaneException {
        return run(List.of("-L", "-n", "--exact")).stdout();
    }

    public String thresholdsListing() throws DataPlaneException {
        return run(List.of("-L", "-n", "--exact", "--thresholds")).stdout();
    }

    public String statsListing() throws DataPlaneException {
        return run(List.of("-L", "-n", "--exact", "--stats")).stdout();
    }

    public String daemonListing() throws DataPlaneException {
        return run(List.of("-L", "--daemon")).stdout();
    }

    static String reason(Result result) {
        String text = result.stderr().isBlank() ? result.stdout() : result.stderr();
        text = text.strip().replace('\n', ';');
        return text.isEmpty() ? "exit status " + result.exitCode() : text;
    }

    private Result exec(List<String> args, String stdin) throws DataPlaneException {
        List<String> command = new ArrayList<>(args.size() + 1);
        command.add(executable);
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new DataPlaneException("cannot run " + executable + " (" + e.getMessage()
                    + "); install the ipvsadm package", e);
        }
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // ipvsadm stopped reading; its exit status and stderr below say why.
        }
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new DataPlaneException(executable + " " + String.join(" ", args) + " did not finish in "
                        + timeoutSeconds + " s and was stopped");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DataPlaneException("interrupted while waiting for " + executable, e);
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                stream.transferTo(buffer);
                return buffer.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
