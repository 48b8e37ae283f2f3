package io.ballast.agent.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ballast.model.api.CounterSample;
import io.ballast.model.api.CounterSnapshot;
import io.ballast.model.api.Counters;
import io.ballast.model.api.Rates;
import io.ballast.model.api.StatsPoint;
import io.ballast.model.api.StatsSeries;
import io.ballast.model.api.StatsTick;
import io.ballast.model.json.SpecCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

class CounterJsonTest {

    @Test
    void statsTickReadsTheSameAsTheSharedMapperWritesIt() throws Exception {
        Counters busy = new Counters(3, 1, 120, 4_000, 3_500, 9_000_000_000L, 2_000_000);
        CounterSnapshot counters = new CounterSnapshot(1_700_000_000_123L, List.of(
                new CounterSample("tcp/203.0.113.10:80", null, busy),
                new CounterSample("tcp/203.0.113.10:80", "198.51.100.21:80", busy, new Rates(1, 2, 3, 4, 5)),
                new CounterSample("tcp/203.0.113.10:80", "[2001:db8::\"q\"]:80", Counters.ZERO)),
                new CounterSample(null, null, busy));
        StatsPoint point = new StatsPoint(1_700_000_000_000L, 5, 3, 700, 800);
        StatsTick tick = new StatsTick(1_700_000_000_000L, point,
                List.of(new StatsSeries("tcp/203.0.113.10:80", null, List.of(point))), counters);

        ObjectWriter shared = SpecCodec.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);
        ObjectWriter fast = CounterJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

        assertThat(fast.writeValueAsString(tick)).isEqualTo(shared.writeValueAsString(tick));
        assertThat(fast.writeValueAsString(tick)).contains("\"realServer\":\"[2001:db8::\\\"q\\\"]:80\"")
                .contains("\"rates\":{\"connectionsPerSecond\":1");
    }
}
