package io.ballast.agent.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that multiplexes timers, non-blocking sockets and hand-offs from other threads. All
 * health checks share one, so 10,000 checks cost one thread and one epoll set, not 10,000 threads;
 * the userspace data plane forwards every connection on another, so its tables need no locks.
 * Methods marked "loop thread only" must be called from a task or handler running on this loop.
 */
public final class EventLoop implements AutoCloseable {

    /**
     * Reacts to a registered channel becoming ready; runs on the loop thread. It should not throw: a
     * handler that does has its key cancelled, so one broken channel cannot stop the others.
     */
    public interface ReadyHandler {
        void ready(SelectionKey key);
    }

    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);

    // Timers due within this much of now run in the same pass: batching keeps wake-ups near a
    // thousand per second at 10,000 checks per second instead of one per check.
    private static final long SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final String name;
    private final Selector selector;
    private final Thread thread;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final Queue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private volatile boolean running = true;
    private long sequence;

    private EventLoop(String name) {
        this.name = name;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for " + name + ": " + e.getMessage(), e);
        }
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /** Starts a loop on a new daemon thread with this name. */
    public static EventLoop start(String name) {
        EventLoop loop = new EventLoop(name);
        loop.thread.start();
        return loop;
    }

    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs the task on the loop thread, soon; callable from any thread. */
    public void execute(Runnable task) {
        inbox.add(task);
        if (!inLoop() && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /** Runs the task now when already on the loop thread, else hands it over. */
    public void runOnLoop(Runnable task) {
        if (inLoop()) {
            task.run();
        } else {
            execute(task);
        }
    }

    /**
     * Runs {@code work} on the loop and waits for its result, at most {@code timeoutSeconds}; what it
     * throws comes back as thrown. Runs it at once when called on the loop thread.
     */
    public <T> T call(Callable<T> work, long timeoutSeconds) throws Exception {
        if (inLoop()) {
            return work.call();
        }
        if (!running) {
            throw new IllegalStateException("the event loop " + name + " is closed");
        }
        FutureTask<T> task = new FutureTask<>(work);
        execute(task);
        try {
            return task.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw (Error) cause;
        } catch (TimeoutException e) {
            throw new IllegalStateException("the event loop " + name + " did not answer within " + timeoutSeconds + " s", e);
        }
    }

    /** Runs the task every period, the first time one period from now. Loop thread only. */
    public void every(long periodNanos, Runnable task) {
        schedule(periodNanos, () -> {
            runSafely(task);
            every(periodNanos, task);
        });
    }

    /**
     * Lets the selector release the channels closed since its last pass. A closed channel keeps its
     * socket (and the port) until the selector deregisters its key, which it does only in a select; a
     * caller that must see a port really closed when it returns calls this. Readiness found here is
     * dropped on purpose: the selector is level-triggered, so the next pass reports it again. Loop
     * thread only.
     */
    public void flushCancelledKeys() {
        assertInLoop();
        try {
            selector.selectNow(key -> { });
        } catch (IOException e) {
            LOG.debug("{}: selectNow failed", name, e);
        }
    }

    /** Runs the task after the delay. Loop thread only. */
    public Timer schedule(long delayNanos, Runnable task) {
        return scheduleAt(System.nanoTime() + delayNanos, task);
    }

    /** Runs the task at the given {@link System#nanoTime()}. Loop thread only. */
    public Timer scheduleAt(long dueNanos, Runnable task) {
        assertInLoop();
        Timer timer = new Timer(dueNanos, sequence++, task);
        timers.add(timer);
        return timer;
    }

    /** Registers a non-blocking channel with the loop's selector. Loop thread only. */
    public SelectionKey register(SelectableChannel channel, int ops, ReadyHandler handler)
            throws ClosedChannelException {
        assertInLoop();
        return channel.register(selector, ops, handler);
    }

    /** Number of timers waiting, cancelled ones included; for diagnostics. */
    public int pendingTimers() {
        return timers.size();
    }

    private void assertInLoop() {
        if (!inLoop()) {
            throw new IllegalStateException(name + ": loop method called from thread "
                    + Thread.currentThread().getName() + " instead of " + thread.getName());
        }
    }

    private void run() {
        while (running) {
            try {
                wakeupPending.set(false);
                drainInbox();
                long waitNanos = runDueTimers();
                if (!inbox.isEmpty()) {
                    selector.selectNow(this::dispatch);
                } else {
                    long millis = waitNanos < 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999));
                    selector.select(this::dispatch, millis);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("{} recovered from an unexpected error", name, e);
            }
        }
        closeChannels();
    }

    private void drainInbox() {
        Runnable task;
        while ((task = inbox.poll()) != null) {
            runSafely(task);
        }
    }

    /** Runs what is due; returns nanoseconds until the next timer, or -1 when there is none. */
    private long runDueTimers() {
        long now = System.nanoTime();
        while (true) {
            Timer next = timers.peek();
            if (next == null) {
                return -1;
            }
            if (next.cancelled) {
                timers.poll();
                continue;
            }
            long wait = next.dueNanos - now;
            if (wait > SLACK_NANOS) {
                return wait;
            }
            timers.poll();
            next.cancelled = true;
            runSafely(next.task);
        }
    }

    private void dispatch(SelectionKey key) {
        Object attachment = key.attachment();
        if (attachment instanceof ReadyHandler handler) {
            try {
                handler.ready(key);
            } catch (RuntimeException e) {
                LOG.warn("{}: a channel handler failed; its channel is dropped", name, e);
                key.cancel();
            }
        }
    }

    private void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("{}: a task failed", name, e);
        }
    }

    private void closeChannels() {
        for (SelectionKey key : selector.keys()) {
            try {
                key.channel().close();
            } catch (IOException e) {
                LOG.debug("{}: closing a channel failed", name, e);
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("{}: closing the selector failed", name, e);
        }
    }

    /** Stops the loop and closes its channels; waits up to two seconds for the thread to end. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        if (!inLoop()) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A pending task; cancelling it is cheap (it stays queued and is skipped when due). */
    public static final class Timer implements Comparable<Timer> {
        private final long dueNanos;
        private final long order;
        private final Runnable task;
        private boolean cancelled;

        private Timer(long dueNanos, long order, Runnable task) {
            this.dueNanos = dueNanos;
            this.order = order;
            this.task = task;
        }

        /** Loop thread only. */
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Timer other) {
            int byTime = Long.compare(dueNanos - other.dueNanos, 0);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
