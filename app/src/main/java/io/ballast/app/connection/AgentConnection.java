package io.ballast.app.connection;

import io.ballast.app.concurrent.TaskExecutor;
import io.ballast.model.ClusterSpec;
import io.ballast.model.api.CounterSnapshot;
import java.time.Duration;
import java.util.List;

/**
 * A live connection to one director's agent: reads status, spec and missed events, then follows
 * the event stream; when anything breaks it says so at once (UNREACHABLE, never stale-but-green)
 * and reconnects with back-off. Untrusted certificates and refused tokens are not retried blindly.
 */
public final class AgentConnection {

    static final Duration STATUS_POLL = Duration.ofSeconds(5);
    /** How much history to read after connecting: the longest chart window, at its resolution. */
    static final Duration HISTORY = Duration.ofMinutes(60);
    static final Duration HISTORY_STEP = Duration.ofSeconds(10);
    /** Stats arrive every second: a stream silent for this long is a director the client has lost. */
    static final Duration DEFAULT_SILENCE_LIMIT = Duration.ofSeconds(10);

    private final String director;
    private final AgentClient client;
    private final TaskExecutor executor;
    private final AgentListener listener;
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    private volatile boolean closed;
    private volatile long lastEventId;
    private ConnectionState state = ConnectionState.CONNECTING;
    private TaskExecutor.Cancellable pendingReconnect;
    private TaskExecutor.Cancellable pendingPoll;
    private final Duration silenceLimit;
    private volatile long lastHeardNanos;
    private volatile java.io.Closeable openStream;
    private volatile boolean cutForSilence;
    private boolean historyRead;
    private final io.ballast.app.concurrent.Coalescer<CounterSnapshot> counters;

    public AgentConnection(String director, AgentClient client, TaskExecutor executor, AgentListener listener) {
        this(director, client, executor, listener, DEFAULT_SILENCE_LIMIT);
    }

    public AgentConnection(String director, AgentClient client, TaskExecutor executor, AgentListener listener, Duration silenceLimit) {
        this.silenceLimit = silenceLimit;
        this.counters = new io.ballast.app.concurrent.Coalescer<>(executor, snapshot -> listener.counters(director, snapshot));
        this.director = director;
        this.client = client;
        this.executor = executor;
        this.listener = listener;
    }

    public String director() {
        return director;
    }

    public ConnectionState state() {
        return state;
    }

    /** The client of this agent: the editing feature sends its changes through it. */
    public AgentClient client() {
        return client;
    }

    /** Starts the first session; later ones follow by themselves until {@link #close()}. */
    public void start() {
        changeState(ConnectionState.CONNECTING, "connecting to " + client.endpoint());
        openSession();
    }

    public void close() {
        closed = true;
        if (pendingReconnect != null) {
            pendingReconnect.cancel();
        }
        if (pendingPoll != null) {
            pendingPoll.cancel();
        }
    }

    private void openSession() {
        executor.execute(this::handshake, this::sessionOpened, this::sessionFailed);
    }

    private Handshake handshake() throws AgentException {
        AgentStatus status = client.status();
        ClusterSpec spec = client.config();
        List<AgentEvent> missed = client.events(lastEventId);
        return new Handshake(status, spec, missed);
    }

    private void sessionOpened(Handshake handshake) {
        if (closed) {
            return;
        }
        backoff.reset();
        listener.config(director, handshake.spec());
        listener.status(director, handshake.status());
        handshake.missed().forEach(this::deliverEvent);
        changeState(ConnectionState.CONNECTED, "connected to " + client.endpoint());
        lastHeardNanos = System.nanoTime();
        cutForSilence = false;
        schedulePoll();
        scheduleWatchdog();
        if (!historyRead) {
            historyRead = true;
            long now = System.currentTimeMillis();
            executor.execute(() -> client.stats(now - HISTORY.toMillis(), now, HISTORY_STEP.toMillis()),
                    points -> {
                        if (!closed && !points.isEmpty()) {
                            listener.history(director, points);
                        }
                    },
                    error -> {
                        // history is a convenience: an agent without it still shows live figures
                    });
        }
        executor.startLoop("ballast-stream-" + director, this::followStream);
    }

    private void followStream() {
        try {
            client.stream(new SseParser.Sink() {
                private boolean caughtUp;

                @Override
                public void event(String name, String data, String id) {
                    lastHeardNanos = System.nanoTime();
                    if (!caughtUp) {
                        caughtUp = true;
                        executor.runOnUi(AgentConnection.this::catchUpEvents);
                    }
                    dispatch(name, data);
                }

                @Override
                public boolean stopped() {
                    return closed;
                }
            }, body -> openStream = body);
            String why = cutForSilence ? silenceMessage() : client.endpoint() + " closed the event stream";
            executor.runOnUi(() -> sessionFailed(new AgentException(AgentException.Kind.UNREACHABLE, why, null)));
        } catch (AgentException e) {
            AgentException reported = cutForSilence
                    ? new AgentException(AgentException.Kind.UNREACHABLE, silenceMessage(), e)
                    : e;
            executor.runOnUi(() -> sessionFailed(reported));
        } finally {
            openStream = null;
        }
    }

    /**
     * The handshake read the journal before the stream was subscribed: an event written in between
     * (a takeover during a reconnect) is in neither. Once the stream delivers, read the journal once
     * more; events already seen are dropped by id.
     */
    private void catchUpEvents() {
        long since = lastEventId;
        executor.execute(() -> client.events(since), missed -> {
            if (!closed) {
                missed.forEach(this::deliverEvent);
            }
        }, error -> {
            // the stream decides about reachability; a failed catch-up leaves what the stream brings
        });
    }

    private void dispatch(String name, String data) {
        try {
            if ("stats".equals(name)) {
                counters.offer(AgentJson.snapshot(data));
            } else if ("event".equals(name)) {
                AgentEvent event = AgentJson.event(data);
                executor.runOnUi(() -> {
                    deliverEvent(event);
                    if (changesSpec(event)) {
                        reloadSpec();
                    }
                });
            }
        } catch (AgentProtocolException e) {
            // one unreadable message must not drop the stream; the next one is read normally
            executor.runOnUi(() -> listener.connectionChanged(director, state, client.endpoint() + ": " + e.getMessage()));
        }
    }

    private void deliverEvent(AgentEvent event) {
        if (event.id() > 0 && event.id() <= lastEventId) {
            return;
        }
        lastEventId = Math.max(lastEventId, event.id());
        listener.event(director, event);
        if ("ROLE_CHANGE".equals(event.type())) {
            pollStatusNow();
        }
    }

    /** A new revision (an apply, or a drain or weight change from any client): the stream does not carry the spec. */
    private static boolean changesSpec(AgentEvent event) {
        String type = event.type().replace('-', '_');
        return type.equals("SPEC_APPLIED") || type.equals("REAL_SERVER_PATCHED");
    }

    private void reloadSpec() {
        executor.execute(client::config,
                spec -> {
                    if (!closed) {
                        listener.config(director, spec);
                    }
                },
                error -> {
                    // the stream decides about reachability; the next change or reconnect reads the spec again
                });
        pollStatusNow();
    }

    private void sessionFailed(Throwable error) {
        if (closed) {
            return;
        }
        if (pendingPoll != null) {
            pendingPoll.cancel();
        }
        AgentException failure = error instanceof AgentException ae ? ae
                : new AgentException(AgentException.Kind.PROTOCOL, client.endpoint() + ": " + error, error);
        ConnectionState next = ConnectionState.of(failure.kind());
        changeState(next, failure.getMessage());
        if (next == ConnectionState.UNTRUSTED) {
            return;
        }
        Duration delay = next == ConnectionState.UNREACHABLE ? backoff.next() : Duration.ofSeconds(30);
        pendingReconnect = executor.schedule(delay, () -> {
            if (!closed) {
                changeState(ConnectionState.CONNECTING, "reconnecting to " + client.endpoint());
                openSession();
            }
        });
    }

    private String silenceMessage() {
        return client.endpoint() + " sent nothing for " + silenceLimit.toMillis() / 1000.0 + " s; what it last reported is stale";
    }

    // a half-open TCP connection can stay "open" for minutes: silence, not a closed socket, is what reveals it
    private void scheduleWatchdog() {
        executor.schedule(silenceLimit.dividedBy(2), () -> {
            if (closed || state != ConnectionState.CONNECTED) {
                return;
            }
            if (System.nanoTime() - lastHeardNanos > silenceLimit.toNanos()) {
                cutForSilence = true;
                java.io.Closeable stream = openStream;
                if (stream != null) {
                    try {
                        stream.close();
                    } catch (java.io.IOException ignored) {
                        // the stream thread sees the break and reports the director unreachable
                    }
                }
                return;
            }
            scheduleWatchdog();
        });
    }

    private void schedulePoll() {
        pendingPoll = executor.schedule(STATUS_POLL, () -> {
            if (!closed && state == ConnectionState.CONNECTED) {
                pollStatusNow();
                schedulePoll();
            }
        });
    }

    private void pollStatusNow() {
        executor.execute(client::status,
                status -> {
                    if (!closed) {
                        listener.status(director, status);
                    }
                },
                error -> {
                    // the stream decides about reachability; a failed poll only leaves the last status in place
                });
    }

    private void changeState(ConnectionState next, String message) {
        state = next;
        listener.connectionChanged(director, next, message);
    }

    private record Handshake(AgentStatus status, ClusterSpec spec, List<AgentEvent> missed) {
    }
}
