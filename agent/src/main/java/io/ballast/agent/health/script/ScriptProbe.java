package io.ballast.agent.health.script;

import io.ballast.agent.health.Probe;
import io.ballast.agent.health.ProbeResult;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/** Runs one argv; equal probes run the same argv. */
record ScriptProbe(ScriptChecker checker, List<String> argv) implements Probe {

    @Override
    public CompletableFuture<ProbeResult> start(int timeoutMs) {
        Run run = new Run(this);
        try {
            checker.launcher().execute(run::launch);
        } catch (RejectedExecutionException e) {
            run.complete(ProbeResult.failed("script not started: the health monitor is closing"));
        }
        return run;
    }

    /** One run of the script: the future itself, so a cancel (timeout) kills the process tree. */
    private static final class Run extends CompletableFuture<ProbeResult> {
        private final ScriptProbe probe;
        private final long startedNanos = System.nanoTime();
        private Process process;

        Run(ScriptProbe probe) {
            this.probe = probe;
        }

        void launch() {
            try {
                probe.checker.slots().acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                complete(ProbeResult.failed("script not started: the health monitor is closing"));
                return;
            }
            Process started;
            synchronized (this) {
                if (isDone()) {
                    // Timed out while waiting for a slot.
                    probe.checker.slots().release();
                    return;
                }
                try {
                    started = new ProcessBuilder(probe.argv)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start();
                } catch (IOException | RuntimeException e) {
                    probe.checker.slots().release();
                    complete(ProbeResult.failed("script could not start: " + e.getMessage()));
                    return;
                }
                process = started;
            }
            closeStdin(started);
            started.onExit().whenComplete((exited, error) -> {
                probe.checker.slots().release();
                int code = started.exitValue();
                complete(code == 0
                        ? ProbeResult.ok("script exited 0 in " + ProbeResult.millisSince(startedNanos) + " ms")
                        : ProbeResult.failed("script exited " + code));
            });
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            Process running;
            synchronized (this) {
                running = process;
            }
            if (running != null) {
                // Children first: a shell script's sleep would otherwise outlive its killed parent.
                running.descendants().forEach(ProcessHandle::destroyForcibly);
                running.destroyForcibly();
            }
            return cancelled;
        }

        private static void closeStdin(Process process) {
            try {
                process.getOutputStream().close();
            } catch (IOException ignored) {
                // A script that already exited has no stdin to close.
            }
        }
    }
}
