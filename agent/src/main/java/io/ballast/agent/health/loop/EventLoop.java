package io.ballast.agent.health.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that multiplexes timers, non-blocking sockets and hand-offs from other threads. Every
 * health check shares it, so 10,000 checks cost one thread and one epoll set, not 10,000 threads.
 * Methods marked "loop thread only" must be called from a task or handler running on this loop.
 */
public final class EventLoop implements AutoCloseable {

    /** Reacts to a registered channel becoming ready; runs on the loop thread. */
    public interface ReadyHandler {
        void ready(SelectionKey key);
    }

    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);

    // Timers due within this much of now run in the same pass: batching keeps wake-ups near a
    // thousand per second at 10,000 checks per second instead of one per check.
    private static final long SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Selector selector;
    private final Thread thread;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final Queue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private volatile boolean running = true;
    private long sequence;

    private EventLoop(String name) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for the health checks: " + e.getMessage(), e);
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
            throw new IllegalStateException("health-check loop method called from thread "
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
                LOG.warn("health-check loop recovered from an unexpected error", e);
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
                LOG.warn("health-check channel handler failed", e);
                key.cancel();
            }
        }
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("health-check task failed", e);
        }
    }

    private void closeChannels() {
        for (SelectionKey key : selector.keys()) {
            try {
                key.channel().close();
            } catch (IOException e) {
                LOG.debug("closing a health-check channel failed", e);
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("closing the health-check selector failed", e);
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
