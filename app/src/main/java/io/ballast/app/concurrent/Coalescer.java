package io.ballast.app.concurrent;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands the newest value to the UI thread, dropping older ones the UI has not taken yet.
 * Counter snapshots are cumulative, so skipping one loses resolution, never data; a busy UI
 * thread therefore never builds a backlog of seconds-old updates.
 */
public final class Coalescer<T> {

    private final TaskExecutor executor;
    private final Consumer<T> consumer;
    private final AtomicReference<T> pending = new AtomicReference<>();

    public Coalescer(TaskExecutor executor, Consumer<T> consumer) {
        this.executor = executor;
        this.consumer = consumer;
    }

    /** Any thread. */
    public void offer(T value) {
        if (pending.getAndSet(value) == null) {
            executor.runOnUi(() -> {
                T newest = pending.getAndSet(null);
                if (newest != null) {
                    consumer.accept(newest);
                }
            });
        }
    }
}
