package io.ballast.agent.dataplane;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a child process's output while it runs, so that a full pipe never stops it: the planes' tools
 * (ipvsadm, nft, conntrack) can print a line per refused command of a batch.
 */
public final class ProcessOutput {

    private ProcessOutput() {
    }

    /**
     * Reads {@code stream} to its end on a daemon thread of its own (a blocking read must not hold a
     * shared pool's worker) and completes with the text; a read that fails — the process was killed —
     * completes with what was read until then.
     */
    public static CompletableFuture<String> drain(InputStream stream, String threadName) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (stream) {
                stream.transferTo(buffer);
            } catch (IOException e) {
                // The process is gone; what it printed before is all there is.
            }
            text.complete(buffer.toString(StandardCharsets.UTF_8));
        }, threadName);
        reader.setDaemon(true);
        reader.start();
        return text;
    }
}
