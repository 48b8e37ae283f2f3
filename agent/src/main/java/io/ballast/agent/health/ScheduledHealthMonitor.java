package io.ballast.agent.health;

import io.ballast.agent.loop.EventLoop;
import io.ballast.model.ClusterSpec;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health monitor: one {@link Watch} per real server, all scheduled on one {@link EventLoop}
 * thread. Probes come from the {@link CheckerRegistry}, so new kinds of check need no change here.
 *
 * <p>Initial states (see docs/health-checks.md): servers of the first spec start up; servers added
 * later start down and come up on their first passing check; a changed check keeps the server's
 * verdict until its first result, which decides at once.
 */
public final class ScheduledHealthMonitor implements HealthMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledHealthMonitor.class);
    private static final long UPDATE_TIMEOUT_SECONDS = 30;

    private final CheckerRegistry registry;
    private final EventLoop loop;
    private final Map<WatchPlan.WatchKey, Watch> watches = new ConcurrentHashMap<>();
    private final List<Consumer<HealthVerdict>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<CheckReport>> observers = new CopyOnWriteArrayList<>();
    private volatile long completedChecks;
    private volatile boolean closed;
    private boolean seenFirstSpec;

    public ScheduledHealthMonitor(CheckerRegistry registry) {
        this.registry = registry;
        this.loop = registry.loop();
    }

    @Override
    public void update(ClusterSpec spec) {
        if (closed) {
            throw new IllegalStateException("the health monitor is closed; it cannot take a new spec");
        }
        WatchPlan plan = WatchPlan.of(spec, registry);
        if (loop.inLoop()) {
            apply(plan);
            return;
        }
        CompletableFuture<Void> applied = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                apply(plan);
                applied.complete(null);
            } catch (RuntimeException e) {
                applied.completeExceptionally(e);
            }
        });
        await(applied, "apply spec revision " + spec.revision());
    }

    private void apply(WatchPlan plan) {
        boolean startUp = !seenFirstSpec;
        seenFirstSpec = true;
        for (Iterator<Map.Entry<WatchPlan.WatchKey, Watch>> it = watches.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<WatchPlan.WatchKey, Watch> watched = it.next();
            if (!plan.entries().containsKey(watched.getKey())) {
                watched.getValue().stop();
                it.remove();
            }
        }
        plan.entries().forEach((key, entry) -> {
            Watch existing = watches.get(key);
            if (existing == null) {
                Watch watch = new Watch(this, key, entry, startUp);
                watches.put(key, watch);
                watch.begin();
            } else {
                existing.change(entry);
            }
        });
    }

    @Override
    public Map<String, Map<String, HealthVerdict>> verdicts() {
        Map<String, Map<String, HealthVerdict>> byService = new LinkedHashMap<>();
        for (Watch watch : watches.values()) {
            HealthVerdict verdict = watch.verdict();
            byService.computeIfAbsent(verdict.service(), s -> new LinkedHashMap<>()).put(verdict.realServer(), verdict);
        }
        byService.replaceAll((service, servers) -> Collections.unmodifiableMap(servers));
        return Collections.unmodifiableMap(byService);
    }

    @Override
    public void onTransition(Consumer<HealthVerdict> listener) {
        listeners.add(listener);
    }

    /** Called (on the monitor's thread) after every finished check: for metrics and the event journal. */
    public void onCheck(Consumer<CheckReport> observer) {
        observers.add(observer);
    }

    /** Checks finished since the monitor started (passed, failed or timed out). */
    public long completedChecks() {
        return completedChecks;
    }

    EventLoop loop() {
        return loop;
    }

    /** A watch's verdict changed or a check finished; runs on the loop thread. */
    void reported(HealthVerdict verdict, ProbeResult result, boolean flipped, long atMillis) {
        if (result != null) {
            completedChecks++;
            if (!observers.isEmpty()) {
                CheckReport report = new CheckReport(verdict.service(), verdict.realServer(), result.healthy(),
                        result.detail(), verdict.up(), flipped, atMillis);
                for (Consumer<CheckReport> observer : observers) {
                    deliver(observer, report);
                }
            }
        }
        if (flipped) {
            for (Consumer<HealthVerdict> listener : listeners) {
                deliver(listener, verdict);
            }
        }
    }

    private static <T> void deliver(Consumer<T> consumer, T value) {
        try {
            consumer.accept(value);
        } catch (RuntimeException e) {
            LOG.warn("a health listener failed on {}", value, e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        loop.runOnLoop(() -> {
            watches.values().forEach(Watch::stop);
            watches.clear();
            stopped.complete(null);
        });
        if (!loop.inLoop()) {
            try {
                await(stopped, "stop the checks");
            } catch (IllegalStateException e) {
                LOG.warn("{}", e.getMessage());
            }
        }
        loop.close();
        registry.close();
    }

    private void await(CompletableFuture<Void> done, String what) {
        try {
            done.get(UPDATE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the health monitor to " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the health monitor could not " + what + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the health monitor did not " + what + " within "
                    + UPDATE_TIMEOUT_SECONDS + " s: a health listener may be blocking its thread", e);
        }
    }
}
