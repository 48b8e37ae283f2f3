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

    public AgentConnection(String director, AgentClient client, TaskExecutor executor, AgentListener listener) {
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
        schedulePoll();
        executor.startLoop("ballast-stream-" + director, this::followStream);
    }

    private void followStream() {
        try {
            client.stream(new SseParser.Sink() {
                @Override
                public void event(String name, String data, String id) {
                    dispatch(name, data);
                }

                @Override
                public boolean stopped() {
                    return closed;
                }
            });
            executor.runOnUi(() -> sessionFailed(new AgentException(AgentException.Kind.UNREACHABLE,
                    client.endpoint() + " closed the event stream", null)));
        } catch (AgentException e) {
            executor.runOnUi(() -> sessionFailed(e));
        }
    }

    private void dispatch(String name, String data) {
        try {
            if ("stats".equals(name)) {
                CounterSnapshot snapshot = AgentJson.snapshot(data);
                executor.runOnUi(() -> listener.counters(director, snapshot));
            } else if ("event".equals(name)) {
                AgentEvent event = AgentJson.event(data);
                executor.runOnUi(() -> deliverEvent(event));
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
