package io.ballast.agent.failover.keepalived;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The named pipe keepalived writes its state changes to. The agent reads it on one daemon thread and
 * hands each parsed transition to a listener.
 */
public final class NotifyFifo implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyFifo.class);

    private final Path path;
    private final RandomAccessFile pipe;
    private final Thread reader;
    private volatile boolean closed;

    private NotifyFifo(Path path, RandomAccessFile pipe, Consumer<KeepalivedNotification> listener) {
        this.path = path;
        this.pipe = pipe;
        this.reader = new Thread(() -> readLines(listener), "keepalived-notify-fifo");
        this.reader.setDaemon(true);
    }

    /** Creates the fifo (replacing a stale one) and starts reading it. */
    public static NotifyFifo open(Path path, Consumer<KeepalivedNotification> listener) throws IOException {
        Files.deleteIfExists(path);
        Process mkfifo = new ProcessBuilder("mkfifo", "-m", "0600", path.toString()).redirectErrorStream(true).start();
        try {
            if (mkfifo.waitFor() != 0) {
                throw new IOException("cannot create the notify fifo " + path + ": "
                        + new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating the notify fifo " + path, e);
        }
        // Opened read-write so that the open does not block waiting for keepalived, and so that the
        // pipe does not see end-of-file each time keepalived restarts and closes its end.
        NotifyFifo fifo = new NotifyFifo(path, new RandomAccessFile(path.toFile(), "rw"), listener);
        fifo.reader.start();
        return fifo;
    }

    public Path path() {
        return path;
    }

    private void readLines(Consumer<KeepalivedNotification> listener) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(Channels.newInputStream(pipe.getChannel()), StandardCharsets.UTF_8))) {
            String line;
            while (!closed && (line = lines.readLine()) != null) {
                KeepalivedNotification.parse(line).ifPresent(listener);
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.warn("reading keepalived's notify fifo {} failed: {}", path, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            pipe.close();
        } catch (IOException e) {
            LOG.debug("closing notify fifo {}: {}", path, e.getMessage());
        }
        reader.interrupt();
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.debug("removing notify fifo {}: {}", path, e.getMessage());
        }
    }
}
