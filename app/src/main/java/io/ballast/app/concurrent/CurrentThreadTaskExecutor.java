package io.ballast.app.concurrent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs everything on the calling thread: what tests inject. Scheduled actions wait until
 * {@link #runScheduled()} so a test decides when "later" is; loops run to their end at once.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    private final List<Scheduled> scheduled = new ArrayList<>();

    @Override
    public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void startLoop(String name, Runnable loop) {
        loop.run();
    }

    @Override
    public void runOnUi(Runnable action) {
        action.run();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        Scheduled entry = new Scheduled(delay, action);
        scheduled.add(entry);
        return () -> scheduled.remove(entry);
    }

    /** Delays asked for so far, in order, including those already run. */
    public List<Duration> pendingDelays() {
        return scheduled.stream().map(Scheduled::delay).toList();
    }

    /** Runs the actions scheduled so far (not those they schedule in turn); returns how many ran. */
    public int runScheduled() {
        List<Scheduled> due = new ArrayList<>(scheduled);
        scheduled.clear();
        due.forEach(s -> s.action().run());
        return due.size();
    }

    private record Scheduled(Duration delay, Runnable action) {
    }
}
