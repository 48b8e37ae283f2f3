package io.ballast.app.editing.review;

import io.ballast.app.connection.AgentStatus;
import io.ballast.app.topology.Health;
import io.ballast.app.topology.RealServerItem;
import io.ballast.model.api.CounterSample;
import io.ballast.model.api.CounterSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What the directors last said about the real servers, for the review's warnings: health verdicts and
 * active connections per (service, real server). Unknown servers count as healthy and idle, so the
 * review never invents a danger it has no data for; it says when it had no counters.
 */
public final class LiveFacts {

    public static final LiveFacts NONE = new LiveFacts(Map.of(), Map.of(), false);

    private final Map<String, Boolean> up;
    private final Map<String, Long> active;
    private final boolean hasCounters;

    private LiveFacts(Map<String, Boolean> up, Map<String, Long> active, boolean hasCounters) {
        this.up = Map.copyOf(up);
        this.active = Map.copyOf(active);
        this.hasCounters = hasCounters;
    }

    /** From the master's status verdicts and its latest counter snapshot (either may be null). */
    public static LiveFacts of(List<AgentStatus.HealthVerdict> verdicts, CounterSnapshot counters) {
        Map<String, Boolean> up = new HashMap<>();
        if (verdicts != null) {
            for (AgentStatus.HealthVerdict verdict : verdicts) {
                up.put(key(verdict.service(), verdict.realServer()), verdict.up());
            }
        }
        Map<String, Long> active = new HashMap<>();
        if (counters != null) {
            for (CounterSample sample : counters.samples()) {
                if (sample.realServer() != null && sample.counters() != null) {
                    active.merge(key(sample.service(), sample.realServer()), sample.counters().activeConnections(), Long::sum);
                }
            }
        }
        return new LiveFacts(up, active, counters != null);
    }

    private static final java.util.regex.Pattern ACTIVE = java.util.regex.Pattern.compile(
            "^ballast_active_connections\\{service=\"([^\"]*)\",real_server=\"([^\"]*)\"\\} (\\d+)$",
            java.util.regex.Pattern.MULTILINE);

    /**
     * From status verdicts and the agent's /metrics text, whose {@code ballast_active_connections}
     * gauge holds each real server's established connections now (the stream carries services only).
     */
    public static LiveFacts ofMetrics(List<AgentStatus.HealthVerdict> verdicts, String metrics) {
        LiveFacts base = of(verdicts, (CounterSnapshot) null);
        Map<String, Long> active = new HashMap<>();
        java.util.regex.Matcher line = ACTIVE.matcher(metrics == null ? "" : metrics);
        while (line.find()) {
            active.put(key(unescape(line.group(1)), unescape(line.group(2))), Long.parseLong(line.group(3)));
        }
        return new LiveFacts(base.up, active, metrics != null);
    }

    private static String unescape(String label) {
        return label.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    /** From the live view's real-server items (health and active connections fed by the agents' streams). */
    public static LiveFacts of(List<RealServerItem> live) {
        Map<String, Boolean> up = new HashMap<>();
        Map<String, Long> active = new HashMap<>();
        for (RealServerItem item : live) {
            up.put(key(item.serviceKey(), item.key()), item.healthProperty().get() != Health.DOWN);
            active.put(key(item.serviceKey(), item.key()), Math.round(item.activeConnectionsProperty().get()));
        }
        return new LiveFacts(up, active, !live.isEmpty());
    }

    public boolean isUp(String service, String server) {
        return up.getOrDefault(key(service, server), true);
    }

    /** Active connections, or empty when the counters did not mention this server. */
    public OptionalLong activeConnections(String service, String server) {
        Long value = active.get(key(service, server));
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    public boolean hasCounters() {
        return hasCounters;
    }

    private static String key(String service, String server) {
        return service + " " + server;
    }
}
