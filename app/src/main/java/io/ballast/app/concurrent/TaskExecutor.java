package io.ballast.app.concurrent;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way background work is run and its results handed back. The desktop implementation
 * runs work on named daemon threads and delivers results on the FX thread; tests run everything
 * on the calling thread so they stay deterministic and need no toolkit.
 */
public interface TaskExecutor {

    /** Runs {@code work} in the background; {@code onSuccess} or {@code onFailure} then runs on the UI thread. */
    <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs a long-lived background loop (a stream reader) on its own thread. */
    void startLoop(String name, Runnable loop);

    /** Hands {@code action} to the UI thread. */
    void runOnUi(Runnable action);

    /** Runs {@code action} on the UI thread after {@code delay}; the returned handle cancels it. */
    Cancellable schedule(Duration delay, Runnable action);

    /** A scheduled action that can still be called off. */
    interface Cancellable {
        void cancel();
    }
}
