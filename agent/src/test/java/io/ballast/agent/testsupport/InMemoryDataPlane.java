package io.ballast.agent.testsupport;

import com.fasterxml.jackson.core.type.TypeReference;
import io.ballast.agent.dataplane.DataPlane;
import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.state.AtomicFiles;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import io.ballast.model.api.Capabilities;
import io.ballast.model.api.CounterSample;
import io.ballast.model.api.CounterSnapshot;
import io.ballast.model.api.Counters;
import io.ballast.model.json.SpecCodec;
import io.ballast.model.plan.Plan;
import io.ballast.model.plan.PlanApplier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A data plane in memory for tests: applies plans with {@link PlanApplier}, can be told to fail at
 * step N (restoring its table, as every plane must), can have its table changed behind the agent's
 * back (drift), and, given a table file, keeps its table across agent processes the way a kernel does.
 * Capabilities: everything but the "mh" scheduler and tunnels, so refusals can be tested.
 */
public final class InMemoryDataPlane implements DataPlane {

    public static final String NAME = "memory";
    private static final TypeReference<List<VirtualService>> TABLE = new TypeReference<>() {
    };

    private final Path tableFile;
    private List<VirtualService> table = List.of();
    private int failAtStep;
    private int applied;
    private final Map<String, Long> connections = new HashMap<>();

    public InMemoryDataPlane(Path tableFile) throws DataPlaneException {
        this.tableFile = tableFile;
        if (tableFile != null && Files.exists(tableFile)) {
            table = readTableFile(tableFile);
        }
    }

    public static List<VirtualService> readTableFile(Path file) throws DataPlaneException {
        try {
            return SpecCodec.mapper().readValue(Files.readString(file), TABLE);
        } catch (IOException e) {
            throw new DataPlaneException("table file " + file + " is unreadable: " + e.getMessage(), e);
        }
    }

    @Override
    public Capabilities capabilities() {
        EnumSet<Scheduler> schedulers = EnumSet.allOf(Scheduler.class);
        schedulers.remove(Scheduler.MH);
        return new Capabilities(NAME, true, schedulers, EnumSet.of(ForwardingMethod.NAT, ForwardingMethod.DR),
                EnumSet.of(Protocol.TCP, Protocol.UDP), true, true, true, false, "test plane: no mh, no tun");
    }

    @Override
    public synchronized List<VirtualService> readTable() {
        return table;
    }

    @Override
    public synchronized void apply(Plan plan) throws DataPlaneException {
        if (failAtStep > 0 && plan.size() >= failAtStep) {
            List<VirtualService> before = table;
            // Steps before the failing one do land, then are undone: what a real plane's rollback does.
            table = PlanApplier.apply(new Plan(plan.operations().subList(0, failAtStep - 1)), table);
            table = before;
            int step = failAtStep;
            failAtStep = 0;
            throw new DataPlaneException("step " + step + " (" + plan.operations().get(step - 1).summary()
                    + ") failed: injected failure");
        }
        try {
            table = PlanApplier.apply(plan, table);
        } catch (IllegalStateException e) {
            throw new DataPlaneException("plan does not fit the table: " + e.getMessage(), e);
        }
        applied++;
        persist();
    }

    @Override
    public synchronized CounterSnapshot sampleCounters() {
        List<CounterSample> samples = new ArrayList<>();
        for (VirtualService vs : table) {
            long serviceTotal = 0;
            for (RealServer rs : vs.realServers()) {
                String key = vs.key() + " " + rs.key();
                long c = connections.merge(key, (long) rs.weight(), Long::sum);
                serviceTotal += c;
                samples.add(new CounterSample(vs.key().toString(), rs.key(), new Counters(rs.weight(), 0, c, c, c, c * 100, c * 1000)));
            }
            samples.add(new CounterSample(vs.key().toString(), null, new Counters(0, 0, serviceTotal, serviceTotal,
                    serviceTotal, serviceTotal * 100, serviceTotal * 1000)));
        }
        return new CounterSnapshot(System.currentTimeMillis(), samples);
    }

    /** The next plan with at least {@code step} operations fails at that step. */
    public synchronized void failAtStep(int step) {
        failAtStep = step;
    }

    /** Changes the table behind the agent's back, as {@code ipvsadm -C} would. */
    public synchronized void tamper(List<VirtualService> newTable) throws DataPlaneException {
        table = List.copyOf(newTable);
        persist();
    }

    /** How many plans were applied successfully. */
    public synchronized int appliedPlans() {
        return applied;
    }

    private void persist() throws DataPlaneException {
        if (tableFile == null) {
            return;
        }
        try {
            AtomicFiles.write(tableFile, SpecCodec.mapper().writeValueAsBytes(table));
        } catch (IOException e) {
            throw new DataPlaneException("cannot write the table file: " + e.getMessage(), e);
        }
    }
}
