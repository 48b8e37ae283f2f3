package io.ballast.benchmarks.agent;

import io.ballast.agent.dataplane.DataPlane;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.Protocol;
import io.ballast.model.Scheduler;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;
import io.ballast.model.api.Capabilities;
import io.ballast.model.api.CounterSnapshot;
import io.ballast.model.plan.Plan;
import io.ballast.model.plan.PlanApplier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A host plane stand-in for the API benchmark: keeps the table in memory, applies each plan to the
 * services it names only (as a kernel plane touches only what the plan says), and records when the
 * last plan landed so the benchmark can time API request → plane updated.
 */
public final class TimedMemoryPlane implements DataPlane {

    private final Map<ServiceKey, VirtualService> table = new LinkedHashMap<>();
    private volatile long lastAppliedNanos;

    @Override
    public Capabilities capabilities() {
        return new Capabilities("bench-memory", true, EnumSet.allOf(Scheduler.class), EnumSet.allOf(ForwardingMethod.class),
                EnumSet.allOf(Protocol.class), true, true, true, false, "benchmark stand-in");
    }

    @Override
    public synchronized List<VirtualService> readTable() {
        return new ArrayList<>(table.values());
    }

    @Override
    public synchronized void apply(Plan plan) {
        Map<ServiceKey, VirtualService> touched = new LinkedHashMap<>();
        plan.operations().forEach(op -> {
            VirtualService vs = table.get(op.service());
            if (vs != null) {
                touched.putIfAbsent(op.service(), vs);
            }
        });
        List<VirtualService> result = PlanApplier.apply(plan, new ArrayList<>(touched.values()));
        touched.keySet().forEach(table::remove);
        result.forEach(vs -> table.put(vs.key(), vs));
        lastAppliedNanos = System.nanoTime();
    }

    @Override
    public CounterSnapshot sampleCounters() {
        return new CounterSnapshot(System.currentTimeMillis(), List.of());
    }

    public long lastAppliedNanos() {
        return lastAppliedNanos;
    }

    public synchronized int weightOf(ServiceKey service, String server) {
        return table.get(service).realServers().stream().filter(r -> r.key().equals(server)).findFirst().orElseThrow().weight();
    }
}
