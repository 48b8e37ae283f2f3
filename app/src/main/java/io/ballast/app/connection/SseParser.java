package io.ballast.app.connection;

/**
 * Server-Sent Events framing (the WHATWG event-stream format): fields accumulate until a blank
 * line dispatches the event; "data" lines join with newlines; comments (":") keep the stream alive.
 */
public final class SseParser {

    /** Receives whole events; {@link #stopped()} lets the reader end the stream. */
    public interface Sink {
        void event(String name, String data, String id);

        default boolean stopped() {
            return false;
        }
    }

    private final Sink sink;
    private String name;
    private String id;
    private StringBuilder data;

    public SseParser(Sink sink) {
        this.sink = sink;
    }

    public void line(String line) {
        if (line.isEmpty()) {
            dispatch();
            return;
        }
        if (line.startsWith(":")) {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> name = value;
            case "id" -> id = value;
            case "data" -> {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
            default -> {
                // "retry" and unknown fields: the client has its own back-off
            }
        }
    }

    private void dispatch() {
        if (data != null) {
            sink.event(name == null ? "message" : name, data.toString(), id);
        }
        name = null;
        data = null;
    }
}
