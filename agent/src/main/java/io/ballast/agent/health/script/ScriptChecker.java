package io.ballast.agent.health.script;

import io.ballast.agent.health.Checker;
import io.ballast.agent.health.Probe;
import io.ballast.agent.health.ProbeTarget;
import io.ballast.model.CheckType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Script checks: runs the check's argv (no shell) with {@code %a} and {@code %p} replaced by the
 * address and port; exit 0 is healthy. Starting a process blocks for a moment, so it happens on a
 * small launcher pool, never on the monitor's loop; at most {@code maxRunning} scripts run at once
 * and the rest wait their turn (the wait counts towards their timeout).
 */
public final class ScriptChecker implements Checker {

    /** Scripts the agent runs at once unless told otherwise. */
    public static final int DEFAULT_MAX_RUNNING = 8;

    private final ExecutorService launcher;
    private final Semaphore slots;
    private final int maxRunning;

    public ScriptChecker(int maxRunning) {
        if (maxRunning < 1) {
            throw new IllegalArgumentException("at least one script must be allowed to run, not " + maxRunning);
        }
        this.maxRunning = maxRunning;
        this.slots = new Semaphore(maxRunning);
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread thread = new Thread(r, "ballast-health-script-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        this.launcher = pool;
    }

    @Override
    public CheckType type() {
        return CheckType.SCRIPT;
    }

    @Override
    public Probe prepare(ProbeTarget target) {
        List<String> command = target.check().command();
        if (command.isEmpty() || command.get(0).isBlank()) {
            throw new IllegalArgumentException("the script check has no command to run");
        }
        List<String> argv = new ArrayList<>(command.size());
        for (String argument : command) {
            argv.add(substitute(argument, target.addressText(), Integer.toString(target.port())));
        }
        return new ScriptProbe(this, List.copyOf(argv));
    }

    /** Replaces %a (address), %p (port) and %% (a percent sign). */
    static String substitute(String argument, String address, String port) {
        StringBuilder out = new StringBuilder(argument.length() + 16);
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c == '%' && i + 1 < argument.length()) {
                char next = argument.charAt(i + 1);
                if (next == 'a' || next == 'p' || next == '%') {
                    out.append(next == 'a' ? address : next == 'p' ? port : "%");
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    ExecutorService launcher() {
        return launcher;
    }

    Semaphore slots() {
        return slots;
    }

    int maxRunning() {
        return maxRunning;
    }

    @Override
    public void close() {
        launcher.shutdownNow();
    }
}
