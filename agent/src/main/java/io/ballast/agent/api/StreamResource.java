package io.ballast.agent.api;

import io.ballast.model.api.AgentEvent;
import io.ballast.model.api.StatsTick;
import io.javalin.http.sse.SseClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * {@code GET /api/v1/stream}: Server-Sent Events. Event "stats" once a second (a {@code StatsTick}),
 * event "event" for each journal entry as it is recorded (an {@code AgentEvent}, SSE id = event id).
 *
 * <pre>curl -k -N -H "Authorization: Bearer $TOKEN" -H 'Accept: text/event-stream' https://127.0.0.1:9443/api/v1/stream</pre>
 */
final class StreamResource {

    private final ApiServices services;
    // Sends happen here, never on the reconciler's or sampler's thread: a slow client must not hold up a change.
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sse-sender");
        t.setDaemon(true);
        return t;
    });

    StreamResource(ApiServices services) {
        this.services = services;
    }

    void open(SseClient client) {
        client.keepAlive();
        Consumer<StatsTick> ticks = tick -> send(client, "stats", Json.writeLine(tick), null);
        Consumer<AgentEvent> events = event -> send(client, "event", Json.writeLine(event), Long.toString(event.id()));
        services.sampler().onTick(ticks);
        services.journal().onEvent(events);
        client.onClose(() -> {
            services.sampler().removeTickListener(ticks);
            services.journal().removeListener(events);
        });
    }

    private void send(SseClient client, String name, String data, String id) {
        sender.execute(() -> {
            if (client.terminated()) {
                return;
            }
            if (id == null) {
                client.sendEvent(name, data);
            } else {
                client.sendEvent(name, data, id);
            }
        });
    }
}
