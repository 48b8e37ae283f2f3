package io.ballast.agent.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Records what a monitor reports, with bounded waits for the tests. */
final class Recorder {

    private final List<CheckReport> reports = new ArrayList<>();
    private final List<HealthVerdict> transitions = new ArrayList<>();

    static Recorder attach(ScheduledHealthMonitor monitor) {
        Recorder recorder = new Recorder();
        monitor.onCheck(recorder::report);
        monitor.onTransition(recorder::transition);
        return recorder;
    }

    synchronized void report(CheckReport report) {
        reports.add(report);
        notifyAll();
    }

    synchronized void transition(HealthVerdict verdict) {
        transitions.add(verdict);
        notifyAll();
    }

    synchronized List<CheckReport> reportsFor(String realServer) {
        return reports.stream().filter(r -> r.realServer().equals(realServer)).toList();
    }

    synchronized int reportsCount() {
        return reports.size();
    }

    synchronized List<CheckReport> firstReports(int count) {
        return List.copyOf(reports.subList(0, Math.min(count, reports.size())));
    }

    synchronized List<HealthVerdict> transitions() {
        return List.copyOf(transitions);
    }

    /** Waits until a report matches; fails the test with what was seen when the time is up. */
    CheckReport awaitReport(Predicate<CheckReport> match, Duration within) throws InterruptedException {
        return awaitIn(() -> reports, match, within, "check report");
    }

    HealthVerdict awaitTransition(Predicate<HealthVerdict> match, Duration within) throws InterruptedException {
        return awaitIn(() -> transitions, match, within, "transition");
    }

    private synchronized <T> T awaitIn(java.util.function.Supplier<List<T>> list, Predicate<T> match,
            Duration within, String what) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            for (T item : list.get()) {
                if (match.test(item)) {
                    return item;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching " + what + " within " + within.toMillis() + " ms; saw "
                        + list.get());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
