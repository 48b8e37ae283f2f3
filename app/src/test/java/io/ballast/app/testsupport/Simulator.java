package io.ballast.app.testsupport;

import io.ballast.app.connection.AgentEvent;
import io.ballast.app.connection.AgentStatus;
import io.ballast.model.ClusterSpec;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import io.ballast.model.api.CounterSample;
import io.ballast.model.api.CounterSnapshot;
import io.ballast.model.api.Counters;
import io.ballast.model.api.Role;
import io.ballast.model.json.SpecCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What agents would send for a spec: status, growing counters, events. Deterministic for a given tick. */
public final class Simulator {

    private final ClusterSpec spec;
    private final Map<String, long[]> totals = new HashMap<>();
    private Set<String> down = Set.of();

    public Simulator(ClusterSpec spec) {
        this.spec = spec;
    }

    public AgentStatus status(String director, Role role, Set<String> downServers) {
        List<AgentStatus.HealthVerdict> verdicts = new ArrayList<>();
        this.down = Set.copyOf(downServers);
        int up = 0;
        for (VirtualService vs : spec.virtualServices()) {
            for (RealServer rs : vs.realServers()) {
                boolean ok = !downServers.contains(rs.key()) && !downServers.contains(rs.name());
                up += ok ? 1 : 0;
                verdicts.add(new AgentStatus.HealthVerdict(vs.key().toString(), rs.key(), ok,
                        ok ? "tcp connect in 1 ms" : "connection refused"));
            }
        }
        return new AgentStatus(director, role, "ipvs", spec.revision(), SpecCodec.hash(spec), spec.form().name(),
                up, verdicts.size() - up, verdicts);
    }

    /** Counters at {@code tick} seconds; each real server gets its own steady, varying load. */
    public CounterSnapshot snapshot(long atMillis, int tick, double load) {
        List<CounterSample> samples = new ArrayList<>();
        int index = 0;
        for (VirtualService vs : spec.virtualServices()) {
            long[] service = new long[7];
            for (RealServer rs : vs.realServers()) {
                index++;
                long[] t = totals.computeIfAbsent(vs.key() + "|" + rs.key(), k -> new long[7]);
                double wave = 0.6 + 0.4 * Math.sin((tick + index * 7) / 9.0);
                boolean failed = down.contains(rs.key()) || down.contains(rs.name());
                long conns = failed ? 0 : Math.round(load * (5 + index % 11) * wave);
                t[2] += conns;
                t[3] += conns * 12;
                t[4] += conns * 10;
                t[5] += conns * 1_400;
                t[6] += conns * 9_000;
                t[0] = failed ? 0 : Math.round(load * (20 + index % 37) * wave);
                t[1] = t[0] / 3;
                for (int i = 0; i < 7; i++) {
                    service[i] += t[i];
                }
                samples.add(new CounterSample(vs.key().toString(), rs.key(), counters(t)));
            }
            samples.add(new CounterSample(vs.key().toString(), null, counters(service)));
        }
        return new CounterSnapshot(atMillis, samples);
    }

    public static AgentEvent roleChange(long id, long at, String node, String from, String to, Long takeoverMillis) {
        Map<String, String> detail = new HashMap<>();
        detail.put("from", from);
        detail.put("to", to);
        if (takeoverMillis != null) {
            detail.put("takeoverMillis", String.valueOf(takeoverMillis));
        }
        return new AgentEvent(id, at, "ROLE_CHANGE", node, node + " changed from " + from + " to " + to, detail);
    }

    public static AgentEvent event(long id, long at, String type, String node, String message, Map<String, String> detail) {
        return new AgentEvent(id, at, type, node, message, detail);
    }

    private static Counters counters(long[] t) {
        return new Counters(t[0], t[1], t[2], t[3], t[4], t[5], t[6]);
    }
}
