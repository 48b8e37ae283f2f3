package io.ballast.app.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    private final List<String> seen = new ArrayList<>();
    private final SseParser parser = new SseParser((name, data, id) -> seen.add(name + "|" + data + "|" + id));

    private void feed(String... lines) {
        for (String line : lines) {
            parser.line(line);
        }
    }

    @Test
    void blankLineDispatchesTheEventWithItsName() {
        feed("event: stats", "data: {\"a\":1}", "");
        assertThat(seen).containsExactly("stats|{\"a\":1}|null");
    }

    @Test
    void multipleDataLinesJoinWithNewlines() {
        feed("event: event", "data: one", "data: two", "id: 9", "");
        assertThat(seen).containsExactly("event|one\ntwo|9");
    }

    @Test
    void commentsAndRetryLinesAreIgnoredAndEventsWithoutNameAreMessages() {
        feed(": keep-alive", "retry: 100", "data:x", "");
        assertThat(seen).containsExactly("message|x|null");
    }

    @Test
    void blankLineWithoutDataDispatchesNothing() {
        feed("event: stats", "", "");
        assertThat(seen).isEmpty();
    }
}
