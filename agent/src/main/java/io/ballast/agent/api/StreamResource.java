package io.ballast.agent.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ballast.model.api.AgentEvent;
import io.ballast.model.api.StatsTick;
import io.javalin.http.sse.SseClient;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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

    // One line of compact JSON, written straight to the response: a tick at 10,000 real servers is about
    // 2 MB, and building it as a String (then copying it line by line) cost more than the sampling itself.
    private static final ObjectWriter LINE = CounterJson.mapper().writer()
            .without(SerializationFeature.INDENT_OUTPUT)
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .without(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);

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
        Consumer<StatsTick> ticks = tick -> send(client, "stats", tick, null);
        Consumer<AgentEvent> events = event -> send(client, "event", event, Long.toString(event.id()));
        services.sampler().onTick(ticks);
        services.journal().onEvent(events);
        client.onClose(() -> {
            services.sampler().removeTickListener(ticks);
            services.journal().removeListener(events);
        });
    }

    private void send(SseClient client, String name, Object body, String id) {
        sender.execute(() -> {
            if (client.terminated()) {
                return;
            }
            HttpServletResponse response = client.ctx().res();
            try {
                OutputStream out = response.getOutputStream();
                String head = "event: " + name + "\n" + (id == null ? "" : "id: " + id + "\n") + "data: ";
                out.write(head.getBytes(StandardCharsets.UTF_8));
                LINE.writeValue(out, body);
                out.write(END);
                response.flushBuffer();
            } catch (IOException e) {
                // The client went away: the same as a closed stream.
                client.close();
            }
        });
    }

    private static final byte[] END = {'\n', '\n'};
}
