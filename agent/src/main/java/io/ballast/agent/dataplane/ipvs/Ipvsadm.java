package io.ballast.agent.dataplane.ipvs;

import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.dataplane.ProcessOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(Ipvsadm.class);
    private final String executable;
    private final long timeoutSeconds;

    public Ipvsadm(String executable, long timeoutSeconds) {
        this.executable = executable;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Runs one command; throws with ipvsadm's own words if it fails. */
    public Result run(List<String> args) throws DataPlaneException {
        Result result = exec(args);
        if (!result.ok()) {
            throw new DataPlaneException("ipvsadm " + String.join(" ", args) + " failed: " + reason(result));
        }
        return result;
    }

    /** Writes the lines of a batch as they are made. */
    @FunctionalInterface
    public interface BatchWriter {
        void write(RestoreBatch out);
    }

    /**
     * Runs a batch in one ipvsadm process, streaming its lines into ipvsadm's stdin while {@code batch}
     * makes them: the kernel starts on the first services while the last are still being rendered, and
     * the batch never exists as one string. If {@code batch} fails half way, ipvsadm is stopped and the
     * result is a failure (some lines may have reached the kernel: the caller undoes from what it holds).
     */
    public Result restore(BatchWriter batch) throws DataPlaneException {
        long t0 = System.nanoTime();
        Process process = start(List.of("-R"));
        long t1 = System.nanoTime();
        Timeout timeout = Timeout.arm(process, timeoutSeconds);
        // A batch can fail on thousands of lines: stderr is drained while stdin is still being written.
        CompletableFuture<String> out = ProcessOutput.drain(process.getInputStream(), "ipvsadm-output");
        CompletableFuture<String> err = ProcessOutput.drain(process.getErrorStream(), "ipvsadm-output");
        RuntimeException renderFailure = null;
        RestoreBatch in = new RestoreBatch(process.getOutputStream());
        try {
            batch.write(in);
            in.close();
        } catch (UncheckedIOException e) {
            // ipvsadm stopped reading; its exit status and stderr below say why.
            closeQuietly(process);
        } catch (RuntimeException e) {
            renderFailure = e;
            process.destroyForcibly();
            closeQuietly(process);
        }
        long t2 = System.nanoTime();
        Result result = finish(process, timeout, List.of("-R"), out.join(), err.join());
        LOG.debug("restore timing: start={} ms write={} ms wait={} ms", (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        if (renderFailure != null) {
            return new Result(-1, result.stdout(), "the batch could not be written to ipvsadm ("
                    + renderFailure + ")\n" + result.stderr());
        }
        return result;
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

    public String rateListing() throws DataPlaneException {
        return run(List.of("-L", "-n", "--exact", "--rate")).stdout();
    }

    public String daemonListing() throws DataPlaneException {
        return run(List.of("-L", "--daemon")).stdout();
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // Already broken: ipvsadm has gone.
        }
    }

    static String reason(Result result) {
        String text = result.stderr().isBlank() ? result.stdout() : result.stderr();
        text = text.strip().replace('\n', ';');
        return text.isEmpty() ? "exit status " + result.exitCode() : text;
    }

    /**
     * One short command, read in the calling thread: ipvsadm prints little besides listings, and a
     * listing's stderr (read after its stdout) never fills a pipe. No helper thread per command keeps
     * a weight change close to the cost of the ipvsadm process itself.
     */
    private Result exec(List<String> args) throws DataPlaneException {
        Process process = start(args);
        Timeout timeout = Timeout.arm(process, timeoutSeconds);
        try {
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            return finish(process, timeout, args, out, err);
        } catch (IOException e) {
            process.destroyForcibly();
            throw new DataPlaneException("cannot read what " + executable + " printed: " + e.getMessage(), e);
        }
    }

    private Process start(List<String> args) throws DataPlaneException {
        List<String> command = new ArrayList<>(args.size() + 1);
        command.add(executable);
        command.addAll(args);
        try {
            return new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new DataPlaneException("cannot run " + executable + " (" + e.getMessage()
                    + "); install the ipvsadm package", e);
        }
    }

    private Result finish(Process process, Timeout timeout, List<String> args, String out, String err)
            throws DataPlaneException {
        try {
            int exit = process.waitFor();
            if (!timeout.disarm()) {
                throw new DataPlaneException(executable + " " + String.join(" ", args) + " did not finish in "
                        + timeoutSeconds + " s and was stopped");
            }
            return new Result(exit, out, err);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DataPlaneException("interrupted while waiting for " + executable, e);
        }
    }

    /** Kills a process that outlives its time; one shared timer thread, not one thread per command. */
    private static final class Timeout {
        private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ipvsadm-timeout");
            thread.setDaemon(true);
            return thread;
        });
        private final ScheduledFuture<?> kill;
        private final AtomicBoolean fired;

        private Timeout(ScheduledFuture<?> kill, AtomicBoolean fired) {
            this.kill = kill;
            this.fired = fired;
        }

        static Timeout arm(Process process, long seconds) {
            AtomicBoolean fired = new AtomicBoolean();
            return new Timeout(TIMER.schedule(() -> {
                fired.set(true);
                process.destroyForcibly();
            }, seconds, TimeUnit.SECONDS), fired);
        }

        /** False if the timer had already killed the process. */
        boolean disarm() {
            kill.cancel(false);
            return !fired.get();
        }
    }
}
