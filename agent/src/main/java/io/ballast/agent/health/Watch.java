package io.ballast.agent.health;

import io.ballast.agent.loop.EventLoop;
import io.ballast.model.HealthCheck;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The checking of one real server of one service: its schedule, its probe in flight and its
 * rise/fall counter. Everything but {@link #verdict()} runs on the monitor's loop thread.
 */
final class Watch {

    // A new probe's first check lands at a random point within this (or the interval, if shorter):
    // 10,000 servers added at once spread over a second instead of connecting in one burst.
    private static final long FIRST_CHECK_SPREAD_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ScheduledHealthMonitor monitor;
    private final WatchPlan.WatchKey key;
    private final RiseFallCounter counter;
    private final Runnable tickTask = this::tick;
    private WatchPlan.Entry entry;
    private EventLoop.Timer nextTick;
    private long plannedNanos;
    private boolean spreadPending;
    private CompletableFuture<ProbeResult> inFlight;
    private EventLoop.Timer deadline;
    private boolean stopped;
    private volatile HealthVerdict verdict;

    /**
     * @param startUp true for servers of the first spec the monitor sees (the table already serves
     *                them: an agent restart must not take them out); false for servers added later,
     *                which wait for their first passing check
     */
    Watch(ScheduledHealthMonitor monitor, WatchPlan.WatchKey key, WatchPlan.Entry entry, boolean startUp) {
        this.monitor = monitor;
        this.key = key;
        this.entry = entry;
        long now = System.currentTimeMillis();
        if (entry.unchecked()) {
            counter = new RiseFallCounter(true, true);
            verdict = verdictOf(true, "no health check configured", now);
        } else if (entry.error() != null) {
            counter = new RiseFallCounter(false, true);
            verdict = verdictOf(false, entry.error(), now);
        } else {
            counter = new RiseFallCounter(startUp, startUp);
            verdict = verdictOf(startUp, "not checked yet", now);
        }
    }

    /** Starts checking, if there is anything to check. */
    void begin() {
        if (entry.probe() != null) {
            scheduleFirstCheck();
        }
    }

    /** Takes the entry of a new spec: keeps the counters when the probe is the same. */
    void change(WatchPlan.Entry next) {
        WatchPlan.Entry previous = entry;
        entry = next;
        if (previous.sameProbeAs(next)) {
            if (next.probe() != null && previous.check().intervalMs() != next.check().intervalMs()) {
                cancelTick();
                scheduleFirstCheck();
            }
            return;
        }
        cancelTick();
        cancelInFlight();
        if (next.unchecked()) {
            publish(null, counter.force(true), "no health check configured");
        } else if (next.error() != null) {
            publish(null, counter.force(false), next.error());
        } else {
            counter.restart();
            publish(null, false, "check changed; not checked yet");
            scheduleFirstCheck();
        }
    }

    /** Stops checking for good (the server left the spec, or the monitor closes). */
    void stop() {
        stopped = true;
        cancelTick();
        cancelInFlight();
    }

    HealthVerdict verdict() {
        return verdict;
    }

    WatchPlan.WatchKey key() {
        return key;
    }

    private void scheduleFirstCheck() {
        spreadPending = true;
        long spread = Math.min(intervalNanos(), FIRST_CHECK_SPREAD_NANOS);
        nextTick = monitor.loop().schedule(ThreadLocalRandom.current().nextLong(Math.max(1, spread)), tickTask);
    }

    private void tick() {
        nextTick = null;
        if (stopped || entry.probe() == null) {
            return;
        }
        long now = System.nanoTime();
        if (inFlight == null) {
            startCheck();
        }
        if (stopped || nextTick != null || entry.probe() == null) {
            // A listener reacted to this check by changing or removing the watch: it rescheduled
            // what still needs checking.
            return;
        }
        long interval = intervalNanos();
        if (spreadPending) {
            // The second check lands anywhere in [0.5, 1.5) intervals: from then on every server has
            // its own phase, so long intervals spread evenly even after a burst of first checks.
            spreadPending = false;
            plannedNanos = now + interval / 2 + ThreadLocalRandom.current().nextLong(Math.max(1, interval));
        } else {
            plannedNanos += interval;
            if (plannedNanos - now <= 0) {
                plannedNanos = now + interval;
            }
        }
        nextTick = monitor.loop().scheduleAt(plannedNanos, tickTask);
    }

    private void startCheck() {
        HealthCheck check = entry.check();
        int timeoutMs = Math.max(1, check.timeoutMs());
        CompletableFuture<ProbeResult> started;
        try {
            started = entry.probe().start(timeoutMs);
        } catch (RuntimeException e) {
            record(ProbeResult.failed("check could not start: " + e.getMessage()));
            return;
        }
        if (started.isDone()) {
            // Refused or connected within start() (common for near servers): no deadline to keep.
            record(outcome(started));
            return;
        }
        inFlight = started;
        deadline = monitor.loop().schedule(TimeUnit.MILLISECONDS.toNanos(timeoutMs), () -> expire(started, timeoutMs));
        started.whenComplete((result, error) -> monitor.loop().runOnLoop(() -> finish(started)));
    }

    private void finish(CompletableFuture<ProbeResult> check) {
        if (check != inFlight || stopped) {
            return;
        }
        inFlight = null;
        deadline.cancel();
        record(outcome(check));
    }

    private static ProbeResult outcome(CompletableFuture<ProbeResult> done) {
        try {
            return done.join();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return ProbeResult.failed("check failed: " + cause);
        }
    }

    private void expire(CompletableFuture<ProbeResult> check, int timeoutMs) {
        if (check != inFlight || stopped) {
            return;
        }
        inFlight = null;
        check.cancel(true);
        record(ProbeResult.failed("timed out after " + timeoutMs + " ms"));
    }

    private void record(ProbeResult result) {
        HealthCheck check = entry.check();
        boolean flipped = counter.record(result.healthy(), check.rise(), check.fall());
        publish(result, flipped, result.detail());
    }

    private void publish(ProbeResult result, boolean flipped, String detail) {
        long now = System.currentTimeMillis();
        HealthVerdict next = verdictOf(counter.up(), detail, flipped ? now : verdict.atMillis());
        verdict = next;
        monitor.reported(next, result, flipped, now);
    }

    private HealthVerdict verdictOf(boolean up, String detail, long atMillis) {
        return new HealthVerdict(key.service(), key.realServer(), up, detail, atMillis);
    }

    private long intervalNanos() {
        return TimeUnit.MILLISECONDS.toNanos(Math.max(1, entry.check().intervalMs()));
    }

    private void cancelTick() {
        if (nextTick != null) {
            nextTick.cancel();
            nextTick = null;
        }
    }

    private void cancelInFlight() {
        if (inFlight != null) {
            CompletableFuture<ProbeResult> check = inFlight;
            inFlight = null;
            deadline.cancel();
            check.cancel(true);
        }
    }
}
