package io.ballast.agent.dataplane.nftables.conntrack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one helper daemon running in the foreground: restarts it when it exits, waiting longer after
 * each quick death (1 s doubling to 30 s) so a broken configuration does not spin the CPU.
 */
final class ProcessSupervisor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessSupervisor.class);
    private static final long MAX_BACKOFF_MS = 30_000;

    private final String name;
    private final List<String> argv;
    private final Path output;
    private final Thread watcher;
    private volatile Process process;
    private volatile boolean stopping;

    private ProcessSupervisor(String name, List<String> argv, Path output) {
        this.name = name;
        this.argv = List.copyOf(argv);
        this.output = output;
        this.watcher = new Thread(this::watch, name + "-supervisor");
        this.watcher.setDaemon(true);
    }

    static ProcessSupervisor start(String name, List<String> argv, Path output) {
        ProcessSupervisor supervisor = new ProcessSupervisor(name, argv, output);
        supervisor.watcher.start();
        return supervisor;
    }

    boolean running() {
        Process current = process;
        return current != null && current.isAlive();
    }

    private void watch() {
        long backoff = 1_000;
        while (!stopping) {
            long started = System.nanoTime();
            try {
                process = new ProcessBuilder(argv).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
                int exit = process.waitFor();
                if (stopping) {
                    return;
                }
                LOG.warn(name + " exited with status " + exit + "; restarting (see " + output + ")");
            } catch (IOException e) {
                LOG.warn("could not start " + name + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                return;
            }
            long livedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            backoff = livedMs > MAX_BACKOFF_MS ? 1_000 : Math.min(MAX_BACKOFF_MS, backoff * 2);
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        stopping = true;
        watcher.interrupt();
        Process current = process;
        if (current != null) {
            current.destroy();
            try {
                if (!current.waitFor(5, TimeUnit.SECONDS)) {
                    current.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
