package io.ballast.agent.dataplane.nftables;

import io.ballast.agent.dataplane.DataPlaneException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One long-lived {@code nft -i} process that takes small transactions, so a weight change or a drain
 * does not pay for starting a process ({@code ip netns exec}, nft's libraries and its init). Measured
 * at 2,277 services: ~5 ms of CPU and, on a loaded machine, most of the wall time (docs/benchmarks/nftables-plane.md).
 *
 * <p>nft 1.0.6's interactive mode runs each input line as one buffer, and one buffer is one netlink
 * batch: a line of commands joined by {@code ;} is applied all or nothing, exactly like {@code nft -f}.
 * It keeps its cache between lines but drops it whenever the kernel's generation changed — which its
 * own commit does — so the per-transaction cache fetch is not saved; only the process start is.
 *
 * <p>Interactive mode prints errors to stderr and returns no status, so each transaction is followed by
 * a line that cannot parse ({@code ballast-sync-N}): nft answers it with a syntax error that echoes it.
 * Everything on stderr before that answer belongs to the transaction; an {@code Error:} there means
 * the kernel refused it and nothing was applied.
 */
final class NftSession implements AutoCloseable {

    /** Past this many transactions the process is replaced: nft -i keeps every line in its history. */
    static final int MAX_TRANSACTIONS = 2_000;
    private static final String MARKER = "ballast-sync-";
    private static final String EOF = "\u0000eof";

    private final List<String> argv;
    private final long timeoutMillis;
    private Process process;
    private OutputStream stdin;
    private BlockingQueue<String> stderr;
    private long sequence;
    private int transactions;

    NftSession(List<String> argv, long timeoutMillis) {
        this.argv = List.copyOf(argv);
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Applies {@code script} (one command per line) as one transaction.
     *
     * @return nft's error lines, empty if the transaction was applied
     */
    synchronized List<String> apply(String script) throws DataPlaneException {
        if (process == null || !process.isAlive() || transactions >= MAX_TRANSACTIONS) {
            restart();
        }
        String marker = MARKER + (++sequence);
        transactions++;
        try {
            stdin.write((oneLine(script) + "\n" + marker + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            stop();
            throw new DataPlaneException("The nft session (" + String.join(" ", argv) + ") stopped taking input: "
                    + e.getMessage() + ". The change may or may not be applied; the table will be read again.", e);
        }
        List<String> lines = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            String line;
            try {
                line = stderr.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                stop();
                Thread.currentThread().interrupt();
                throw new DataPlaneException("Interrupted while nft applied a transaction; the table will be read again.", e);
            }
            if (line == null || line.equals(EOF)) {
                stop();
                throw new DataPlaneException("The nft session (" + String.join(" ", argv) + ") "
                        + (line == null ? "did not answer within " + timeoutMillis + " ms" : "ended")
                        + "; the change may or may not be applied, so the table will be read again."
                        + (lines.isEmpty() ? "" : " It said: " + String.join(" | ", lines)));
            }
            if (line.equals(marker)) {
                pollQuietly(); // the caret line under the marker
                if (!lines.isEmpty()) {
                    lines.remove(lines.size() - 1); // "Error: syntax error …" about the marker itself
                }
                return errors(lines);
            }
            lines.add(line);
        }
    }

    /** nft's multi-line syntax would glue lines together, so commands go on one line, separated by ';'. */
    static String oneLine(String script) {
        return String.join("; ", script.strip().split("\n"));
    }

    /**
     * Error lines, each with the command it points at: nft echoes the whole (long) input line with a
     * caret line under the culprit, so the command around the carets is cut out of it.
     */
    static List<String> errors(List<String> lines) {
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.contains("Error:")) {
                continue;
            }
            String message = line.substring(line.indexOf("Error:")).strip();
            if (i + 2 < lines.size() && lines.get(i + 2).strip().startsWith("^")) {
                String input = lines.get(i + 1);
                int at = Math.min(lines.get(i + 2).indexOf('^'), Math.max(0, input.length() - 1));
                int start = input.lastIndexOf("; ", at);
                int end = input.indexOf("; ", at);
                message += " in '" + input.substring(start < 0 ? 0 : start + 2, end < 0 ? input.length() : end).strip() + "'";
                i += 2;
            }
            errors.add(message);
        }
        return errors;
    }

    private void restart() throws DataPlaneException {
        stop();
        ProcessBuilder builder = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // nft -i reads and writes $HOME/.nft.history; the agent's transactions do not belong there.
        builder.environment().put("HOME", "/nonexistent");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new DataPlaneException("Could not start '" + String.join(" ", argv) + "': " + e.getMessage()
                    + ". Is nft installed and on the PATH?", e);
        }
        stdin = process.getOutputStream();
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        stderr = queue;
        Process started = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(started.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    queue.add(line);
                }
            } catch (IOException e) {
                // the process went away; EOF below tells the waiting transaction
            }
            queue.add(EOF);
        }, "nft-session-stderr");
        reader.setDaemon(true);
        reader.start();
        transactions = 0;
    }

    private void pollQuietly() {
        try {
            stderr.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stop() {
        if (process == null) {
            return;
        }
        try {
            stdin.close(); // nft -i exits at end of input
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public synchronized void close() {
        stop();
    }
}
