package io.ballast.app.lab;

import io.ballast.app.concurrent.TaskExecutor;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The desktop's threading without a toolkit: background work on daemon threads, and one "UI" thread
 * that runs every hand-over in order, as the FX thread would. For tests that feed ViewModels from
 * real agents.
 */
final class ThreadedTaskExecutor implements TaskExecutor, AutoCloseable {

    private final ExecutorService background = Executors.newCachedThreadPool(daemon("test-background"));
    private final ScheduledExecutorService ui = Executors.newSingleThreadScheduledExecutor(daemon("test-ui"));

    @Override
    public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        quietly(background, () -> {
            try {
                T result = work.call();
                quietly(ui, () -> onSuccess.accept(result));
            } catch (Exception e) {
                quietly(ui, () -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void startLoop(String name, Runnable loop) {
        quietly(background, loop);
    }

    @Override
    public void runOnUi(Runnable action) {
        quietly(ui, action);
    }

    /** Runs {@code query} on the UI thread and waits for its answer, so reads see a consistent model. */
    <T> T onUi(Callable<T> query) throws Exception {
        return ui.submit(query).get(10, TimeUnit.SECONDS);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        try {
            ScheduledFuture<?> future = ui.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException closed) {
            return () -> { };
        }
    }

    @Override
    public void close() {
        background.shutdownNow();
        ui.shutdownNow();
    }

    /**
     * As the desktop's executor: once closed, late work from a connection that outlived the test is
     * dropped, not thrown on some thread where it would fail whichever test runs next.
     */
    private static void quietly(ExecutorService executor, Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException closed) {
            // closed: nowhere to go
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
