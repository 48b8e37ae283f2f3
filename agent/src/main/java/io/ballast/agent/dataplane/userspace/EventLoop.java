package io.ballast.agent.dataplane.userspace;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One selector thread that owns every socket and all forwarding state, so nothing needs a lock:
 * other threads hand work over with {@link #call} and wait for its result. A periodic tick expires
 * idle UDP flows and persistence templates.
 */
final class EventLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);
    private static final long CALL_TIMEOUT_SECONDS = 30;

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Runnable tick;
    private final long tickMillis;
    private volatile boolean running = true;

    EventLoop(String name, long tickMillis, Runnable tick) throws IOException {
        this.selector = Selector.open();
        this.tick = tick;
        this.tickMillis = tickMillis;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    Selector selector() {
        return selector;
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code work} on the loop and returns its result; exceptions come back as thrown by it. */
    <T> T call(Callable<T> work) throws Exception {
        if (inLoop()) {
            return work.call();
        }
        if (!running) {
            throw new IllegalStateException("the userspace data plane is closed");
        }
        FutureTask<T> task = new FutureTask<>(work);
        tasks.add(task);
        selector.wakeup();
        try {
            return task.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw (Error) cause;
        } catch (TimeoutException e) {
            throw new IllegalStateException("the userspace data plane's event loop did not answer within "
                    + CALL_TIMEOUT_SECONDS + " s", e);
        }
    }

    /**
     * A closed channel that is registered with the selector keeps its socket until the selector
     * deregisters it; a listener must really be gone (the VIP released) when apply or setActive
     * returns, so the plane flushes cancelled keys at once. Event loop only.
     */
    void flushCancelledKeys() {
        try {
            selector.selectNow();
        } catch (IOException e) {
            LOG.debug("selectNow", e);
        }
    }

    private void run() {
        long nextTick = System.currentTimeMillis() + tickMillis;
        while (running) {
            try {
                selector.select(Math.max(1, nextTick - System.currentTimeMillis()));
                runTasks();
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (key.isValid() && key.attachment() instanceof IoHandler handler) {
                        handler.ready(key);
                    }
                }
                long now = System.currentTimeMillis();
                if (now >= nextTick) {
                    tick.run();
                    nextTick = now + tickMillis;
                }
            } catch (IOException | RuntimeException e) {
                // one bad key must not stop forwarding for everyone else
                LOG.warn("userspace data plane: event loop error, continuing", e);
            }
        }
        runTasks();
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        if (!inLoop()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("closing selector", e);
        }
    }
}
