package io.ballast.app.concurrent;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/** Background work on named daemon threads; every result reaches the FX thread through Platform.runLater. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    private final ExecutorService workers = Executors.newFixedThreadPool(4, daemons("ballast-worker"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemons("ballast-timer"));
    private final ThreadFactory loops = daemons("ballast-stream");

    @Override
    public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        try {
            workers.execute(() -> {
                try {
                    T result = work.call();
                    Platform.runLater(() -> onSuccess.accept(result));
                } catch (Exception | Error e) {
                    Platform.runLater(() -> onFailure.accept(e));
                }
            });
        } catch (RejectedExecutionException closing) {
            // the window is closing (close() may run on another thread at any moment, so this is caught,
            // not checked first): late work from a connection has nowhere to go
        }
    }

    @Override
    public void startLoop(String name, Runnable loop) {
        Thread thread = loops.newThread(loop);
        thread.setName(name);
        thread.start();
    }

    @Override
    public void runOnUi(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        try {
            ScheduledFuture<?> future = timer.schedule(() -> Platform.runLater(action), delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException closing) {
            return () -> { }; // the window is closing: a reconnect or poll scheduled now would never be wanted
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        timer.shutdownNow();
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
