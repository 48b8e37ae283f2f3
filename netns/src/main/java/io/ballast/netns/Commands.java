package io.ballast.netns;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command to its end and collects what it printed. Kept apart from {@link Netns} so the
 * reaper process needs nothing but this package and the JDK.
 */
final class Commands {

    static final long TIMEOUT_MS = 60_000;

    private Commands() {
    }

    static Netns.Result run(List<String> argv, String stdin, boolean mustSucceed) {
        try {
            Process process = new ProcessBuilder(argv).start();
            CompletableFuture<String> out = drain(process.getInputStream());
            CompletableFuture<String> err = drain(process.getErrorStream());
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // the command did not want its input; its exit status tells
            }
            if (!process.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new NetnsException(String.join(" ", argv) + " did not finish within " + TIMEOUT_MS + " ms");
            }
            Netns.Result result = new Netns.Result(process.exitValue(), out.join(), err.join());
            if (mustSucceed && result.exitCode() != 0) {
                throw new NetnsException(String.join(" ", argv) + " failed (" + result.exitCode() + "): "
                        + result.stderr().strip());
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetnsException("interrupted while running " + String.join(" ", argv), e);
        }
    }

    /** Kills whatever still runs in a namespace (daemons started by hand, keepalived left by a killed agent). */
    static void killAllIn(String namespace) {
        Netns.Result pids = run(List.of("ip", "netns", "pids", namespace), null, false);
        for (String pid : pids.stdout().split("\\s+")) {
            if (!pid.isBlank()) {
                ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    /** Names of the namespaces that exist now and start with {@code prefix}. */
    static List<String> namespacesStartingWith(String prefix) {
        Netns.Result list = run(List.of("ip", "netns", "list"), null, false);
        return list.stdout().lines().map(line -> line.trim().split(" ")[0])
                .filter(name -> name.startsWith(prefix)).toList();
    }

    /** Kills what runs in the namespace, then deletes it. */
    static void delete(String namespace) {
        killAllIn(namespace);
        run(List.of("ip", "netns", "del", namespace), null, false);
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                stream.transferTo(buffer);
                return buffer.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
