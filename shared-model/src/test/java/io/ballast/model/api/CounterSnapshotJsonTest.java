package io.ballast.model.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.json.SpecCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

class CounterSnapshotJsonTest {

    @Test
    void ratesAndTotalsSurviveJson() throws Exception {
        CounterSample web = new CounterSample("tcp/203.0.113.10:80", null, new Counters(1, 2, 3, 4, 5, 6, 7),
                new Rates(8, 9, 10, 11, 12));
        CounterSnapshot snapshot = new CounterSnapshot(1000, List.of(web),
                new CounterSample(null, null, new Counters(1, 2, 30, 40, 50, 60, 70), new Rates(1, 2, 3, 4, 5)));

        String json = SpecCodec.mapper().writeValueAsString(snapshot);

        assertThat(SpecCodec.mapper().readValue(json, CounterSnapshot.class)).isEqualTo(snapshot);
    }

    @Test
    void aSnapshotFromAPlaneWithoutRatesReadsAsBefore() throws Exception {
        String before = """
                { "atMillis": 5, "samples": [ { "service": "tcp/203.0.113.10:80", "realServer": "198.51.100.1:80",
                  "counters": { "activeConnections": 1, "inactiveConnections": 0, "connections": 2, "packetsIn": 3,
                                "packetsOut": 4, "bytesIn": 5, "bytesOut": 6 } } ] }
                """;

        CounterSnapshot read = SpecCodec.mapper().readValue(before, CounterSnapshot.class);

        assertThat(read.total()).isNull();
        assertThat(read.samples()).containsExactly(new CounterSample("tcp/203.0.113.10:80", "198.51.100.1:80",
                new Counters(1, 0, 2, 3, 4, 5, 6)));
        assertThat(SpecCodec.mapper().writeValueAsString(read)).doesNotContain("rates").doesNotContain("total");
    }
}
