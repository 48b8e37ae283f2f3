package io.ballast.agent.failover.keepalived;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs keepalived's VRRP subsystem as a child of the agent and keeps it running: if it dies it is
 * restarted with back-off and each restart is reported. Reload is SIGHUP, which keepalived applies
 * without dropping the VIPs it holds.
 */
public final class KeepalivedSupervisor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KeepalivedSupervisor.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    // A run this long counts as healthy: the next crash starts the back-off from the beginning again.
    private static final Duration STABLE_RUN = Duration.ofSeconds(60);

    private final List<String> command;
    private final Path logFile;
    private final Consumer<String> events;
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "keepalived-supervisor");
        t.setDaemon(true);
        return t;
    });

    private Process process;
    private long startedAtNanos;
    private Duration backoff = FIRST_BACKOFF;
    private int restartCount;
    private boolean closing;

    /**
     * @param launcher   prefix for running keepalived elsewhere (e.g. {@code ip netns exec NS}); empty for here
     * @param executable path of keepalived
     * @param config     the rendered keepalived.conf (VRRP only)
     * @param runDir     where pid files and the log go
     * @param events     one sentence per start, exit and restart, for the agent's event journal
     */
    public KeepalivedSupervisor(List<String> launcher, String executable, Path config, Path runDir,
                                Consumer<String> events) {
        List<String> cmd = new ArrayList<>(launcher);
        cmd.addAll(List.of(executable, "--dont-fork", "--log-console", "--log-detail", "--no-syslog", "--vrrp",
                "--use-file=" + config,
                "--pid=" + runDir.resolve("keepalived.pid"),
                "--vrrp_pid=" + runDir.resolve("keepalived-vrrp.pid"),
                "--checkers_pid=" + runDir.resolve("keepalived-checkers.pid"),
                "--bfd_pid=" + runDir.resolve("keepalived-bfd.pid")));
        this.command = List.copyOf(cmd);
        this.logFile = runDir.resolve("keepalived.log");
        this.events = events;
    }

    public synchronized void start() throws IOException {
        closing = false;
        launch();
    }

    /** The running keepalived's pid, or -1 while it is down. */
    public synchronized long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    public synchronized int restartCount() {
        return restartCount;
    }

    /** Asks keepalived to re-read its configuration (SIGHUP); the VIPs it holds stay. */
    public synchronized void reload() throws IOException {
        long pid = pid();
        if (pid < 0) {
            throw new IOException("keepalived is not running, so it cannot be reloaded");
        }
        signal(pid, "HUP");
        events.accept("keepalived reloaded (SIGHUP to pid " + pid + ")");
    }

    private void launch() throws IOException {
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        startedAtNanos = System.nanoTime();
        Process launched = process;
        LOG.info("keepalived started, pid {}: {}", launched.pid(), String.join(" ", command));
        events.accept("keepalived started (pid " + launched.pid() + ")");
        launched.onExit().thenAccept(this::exited);
    }

    private synchronized void exited(Process gone) {
        if (closing || gone != process) {
            return;
        }
        if (System.nanoTime() - startedAtNanos > STABLE_RUN.toNanos()) {
            backoff = FIRST_BACKOFF;
        }
        Duration wait = nextBackoff();
        events.accept("keepalived exited with code " + gone.exitValue() + "; restarting in "
                + wait.toMillis() + " ms (see " + logFile + ")");
        restarts.schedule(this::restart, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void restart() {
        if (closing) {
            return;
        }
        try {
            restartCount++;
            launch();
        } catch (IOException e) {
            events.accept("keepalived could not be restarted: " + e.getMessage());
            exitedWithoutProcess();
        }
    }

    private void exitedWithoutProcess() {
        restarts.schedule(this::restart, nextBackoff().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The wait before this restart; doubles up to the ceiling for the next one. */
    private Duration nextBackoff() {
        Duration wait = backoff;
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
        return wait;
    }

    /** Stops keepalived (SIGTERM: it releases its VIPs), escalating to SIGKILL after 5 s. */
    @Override
    public void close() {
        Process running;
        synchronized (this) {
            closing = true;
            running = process;
        }
        restarts.shutdownNow();
        if (running == null) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(5, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.destroyForcibly();
        }
    }

    private static void signal(long pid, String signal) throws IOException {
        try {
            int code = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor();
            if (code != 0) {
                throw new IOException("kill -" + signal + " " + pid + " failed with exit code " + code);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling keepalived", e);
        }
    }
}
