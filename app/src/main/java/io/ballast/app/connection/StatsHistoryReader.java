package io.ballast.app.connection;

import com.fasterxml.jackson.databind.JsonNode;
import io.ballast.model.api.CounterSample;
import io.ballast.model.api.CounterSnapshot;
import io.ballast.model.api.Counters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the agent's history (GET /api/v1/stats: per series, the traffic of each step) into the
 * cumulative snapshots the live charts are fed with, so history and live figures share one path:
 * each series' counts are summed step by step.
 */
final class StatsHistoryReader {

    private StatsHistoryReader() {
    }

    static List<CounterSnapshot> snapshots(JsonNode series) {
        TreeMap<Long, List<CounterSample>> byTime = new TreeMap<>();
        for (JsonNode one : series) {
            String service = one.path("service").asText(null);
            String realServer = one.hasNonNull("realServer") ? one.get("realServer").asText() : null;
            long connections = 0;
            long bytesIn = 0;
            long bytesOut = 0;
            for (JsonNode point : one.path("points")) {
                connections += point.path("connections").asLong();
                bytesIn += point.path("bytesIn").asLong();
                bytesOut += point.path("bytesOut").asLong();
                Counters counters = new Counters(point.path("activeConnections").asLong(), 0, connections, 0, 0,
                        bytesIn, bytesOut);
                byTime.computeIfAbsent(point.path("atMillis").asLong(), t -> new ArrayList<>())
                        .add(new CounterSample(service, realServer, counters));
            }
        }
        // A series with no point at some step keeps its last value, so the sums never step backwards.
        Map<String, CounterSample> last = new HashMap<>();
        List<CounterSnapshot> snapshots = new ArrayList<>();
        for (Map.Entry<Long, List<CounterSample>> step : byTime.entrySet()) {
            for (CounterSample sample : step.getValue()) {
                last.put(sample.service() + "|" + sample.realServer(), sample);
            }
            snapshots.add(new CounterSnapshot(step.getKey(), List.copyOf(last.values())));
        }
        return snapshots;
    }
}
