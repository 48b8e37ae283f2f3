package io.ballast.agent.dataplane.ipvs;

import io.ballast.agent.dataplane.DataPlane;
import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;
import io.ballast.model.api.Capabilities;
import io.ballast.model.api.CounterSample;
import io.ballast.model.api.CounterSnapshot;
import io.ballast.model.plan.EditRealServer;
import io.ballast.model.plan.Operation;
import io.ballast.model.plan.Plan;
import io.ballast.model.plan.Planner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production plane: the kernel's IPVS table, driven through ipvsadm. Small plans run as single
 * commands, so a failure is known to the step and undone with the exact inverse steps; larger ones
 * run as one {@code ipvsadm -R} batch (a service and its destinations on adjacent lines, removals
 * last), and a failed batch is undone by planning from what the kernel then holds back to the table
 * before the plan. Either way the plane throws afterwards, naming what failed.
 */
public final class IpvsDataPlane implements DataPlane {

    /** Up to this many commands a plan runs command by command; a process per command costs ~1 ms. */
    static final int SINGLE_COMMAND_LIMIT = 16;
    private static final Logger LOG = LoggerFactory.getLogger(IpvsDataPlane.class);
    private static final Path PROC_STATS = Path.of("/proc/net/ip_vs_stats");

    private final Ipvsadm ipvsadm;
    private final Capabilities capabilities;
    private final IpvsSpecCheck check;
    private final TableRecord record;
    private final SyncDaemon syncDaemon;
    /** What the record file holds (the entries of {@link TableRecord#entry}), by service. */
    private Map<ServiceKey, VirtualService> recorded;
    private boolean recordStale;
    private Map<ServiceKey, VirtualService> table;

    IpvsDataPlane(Ipvsadm ipvsadm, IpvsKernelProbe probe, TableRecord record, SyncDaemon syncDaemon) {
        this.ipvsadm = ipvsadm;
        this.capabilities = probe.capabilities();
        this.check = new IpvsSpecCheck(capabilities, probe.kernelRelease());
        this.record = record;
        this.syncDaemon = syncDaemon;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public synchronized List<VirtualService> readTable() throws DataPlaneException {
        List<VirtualService> kernel;
        try {
            kernel = IpvsTableParser.parse(ipvsadm.listing(), ipvsadm.thresholdsListing());
        } catch (IllegalArgumentException e) {
            throw new DataPlaneException("the ipvs plane cannot read the kernel table: " + e.getMessage(), e);
        }
        boolean loaded = recorded == null;
        if (loaded) {
            recorded = record.load();
        }
        Map<ServiceKey, VirtualService> decorated = new LinkedHashMap<>(kernel.size() * 2);
        for (VirtualService service : kernel) {
            decorated.put(service.key(), TableRecord.decorate(service, recorded.get(service.key())));
        }
        table = decorated;
        if (loaded && (record.damaged() || !decorated.keySet().containsAll(recorded.keySet()))) {
            // Entries of services the kernel no longer holds (a crash between the batch and the record):
            // the next apply writes the whole record once instead of only what its plan touched.
            recordStale = true;
        }
        return List.copyOf(decorated.values());
    }

    @Override
    public synchronized void apply(Plan plan) throws DataPlaneException {
        if (plan.isEmpty()) {
            return;
        }
        if (table == null) {
            readTable();
        }
        long t0 = System.nanoTime();
        Map<ServiceKey, VirtualService> before = table;
        PlanTranslator translator = new PlanTranslator(before, check);
        List<PlanTranslator.Step> steps;
        try {
            steps = translator.translate(plan.operations());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new DataPlaneException(e.getMessage() + "; nothing was changed", e);
        }
        long t1 = System.nanoTime();
        int commands = 0;
        for (int i = 0; i < steps.size(); i++) {
            commands += steps.get(i).size();
        }
        if (commands <= SINGLE_COMMAND_LIMIT) {
            runOneByOne(steps, before);
        } else {
            runBatch(steps, before, plan.size());
        }
        long t2 = System.nanoTime();
        table = translator.table();
        if (!onlyKernelFieldsChanged(plan)) {
            updateRecord(steps);
        }
        long t3 = System.nanoTime();
        LOG.debug("apply timing: translate={} ms run={} ms record={} ms ({} commands)", (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, commands);
    }

    /**
     * Counters and rates per service and destination as the kernel keeps them, and the kernel's totals
     * over every service (/proc/net/ip_vs_stats; left out when this kernel has no such file).
     */
    @Override
    public CounterSnapshot sampleCounters() throws DataPlaneException {
        long now = System.currentTimeMillis();
        try {
            List<CounterSample> samples = IpvsCounterParser.parse(ipvsadm.statsListing(), ipvsadm.rateListing(),
                    ipvsadm.listing());
            return new CounterSnapshot(now, samples, Files.isReadable(PROC_STATS)
                    ? IpvsCounterParser.totals(Files.readString(PROC_STATS), samples) : null);
        } catch (IllegalArgumentException e) {
            throw new DataPlaneException("the ipvs plane cannot read the kernel counters: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DataPlaneException("the ipvs plane cannot read " + PROC_STATS + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void setActive(boolean active) throws DataPlaneException {
        syncDaemon.follow(active);
    }

    @Override
    public void close() {
        // The kernel table and the sync daemon outlive the agent on purpose: traffic keeps flowing.
    }

    private void runOneByOne(List<PlanTranslator.Step> steps, Map<ServiceKey, VirtualService> before)
            throws DataPlaneException {
        List<Operation> done = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            PlanTranslator.Step step = steps.get(i);
            boolean untouched = true;
            try {
                if (step.size() == 1) {
                    ipvsadm.run(step.commands().get(0));
                } else if (step.size() > 1) {
                    // A new service and its destinations go in one ipvsadm process: the service has no
                    // destination only for the microseconds between two of its lines.
                    untouched = false;
                    Ipvsadm.Result result = ipvsadm.restore(step::writeTo);
                    if (!result.ok()) {
                        throw new DataPlaneException("ipvsadm -R failed: " + Ipvsadm.reason(result));
                    }
                }
            } catch (DataPlaneException e) {
                String failure = "step " + (i + 1) + " of " + steps.size() + " (" + step.operation().summary()
                        + ") failed: " + e.getMessage();
                if (untouched) {
                    undoExactly(done, before, failure);
                } else {
                    undoFromKernel(before, failure);
                }
            }
            done.add(step.operation());
        }
    }

    private void runBatch(List<PlanTranslator.Step> steps, Map<ServiceKey, VirtualService> before, int operations)
            throws DataPlaneException {
        Ipvsadm.Result result = restore(steps);
        if (!result.ok()) {
            undoFromKernel(before, "the batch of " + operations + " steps ("
                    + steps.stream().mapToInt(PlanTranslator.Step::size).sum() + " ipvsadm lines) failed: "
                    + Ipvsadm.reason(result));
        }
    }

    /** Every step's commands in one {@code ipvsadm -R}, in order. */
    private Ipvsadm.Result restore(List<PlanTranslator.Step> steps) throws DataPlaneException {
        return ipvsadm.restore(out -> {
            for (PlanTranslator.Step step : steps) {
                step.writeTo(out);
            }
        });
    }

    /** Undoes the steps that succeeded with their inverses, then throws {@code failure}. */
    private void undoExactly(List<Operation> done, Map<ServiceKey, VirtualService> before, String failure)
            throws DataPlaneException {
        PlanTranslator replay = new PlanTranslator(before, null);
        replay.translate(done);
        try {
            for (PlanTranslator.Step undo : replay.translate(InverseOperations.of(done).operations())) {
                for (List<String> command : undo.commands()) {
                    ipvsadm.run(command);
                }
            }
        } catch (DataPlaneException | RuntimeException e) {
            undoFromKernel(before, failure + "; undoing step by step failed too (" + e.getMessage() + ")");
        }
        table = before;
        throw new DataPlaneException(failure + "; the steps before it (" + done.size()
                + ") were undone, the table is as it was");
    }

    /** Reads what the kernel holds now, applies the plan back to {@code before}, then throws {@code failure}. */
    private void undoFromKernel(Map<ServiceKey, VirtualService> before, String failure) throws DataPlaneException {
        try {
            List<VirtualService> now = readTable();
            Plan back = Planner.between(now, new ArrayList<>(before.values()));
            List<PlanTranslator.Step> steps = new PlanTranslator(table, null).translate(back.operations());
            if (!steps.isEmpty()) {
                Ipvsadm.Result result = restore(steps);
                if (!result.ok()) {
                    throw new DataPlaneException(Ipvsadm.reason(result));
                }
            }
            table = before;
        } catch (DataPlaneException | RuntimeException e) {
            table = null;
            throw new DataPlaneException(failure + "; restoring the table failed too (" + e.getMessage()
                    + "); the next reconcile reads the kernel and converges", e);
        }
        throw new DataPlaneException(failure + "; what had been applied was undone, the table is as it was");
    }

    /** Weight and threshold changes touch nothing the record holds, so the hot path writes no file. */
    private static boolean onlyKernelFieldsChanged(Plan plan) {
        for (Operation op : plan.operations()) {
            if (!(op instanceof EditRealServer edit)) {
                return false;
            }
            if (!Objects.equals(edit.before().name(), edit.after().name()) || edit.before().os() != edit.after().os()
                    || edit.before().state() != edit.after().state()
                    || edit.before().forwarding() != edit.after().forwarding()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Rewrites the record only if the entry of a service the plan touched changed, in the order of the
     * steps (the last step on a service leaves it as the table holds it): O(plan), not O(table). A full
     * apply of plain services (no labels, no sorry server) leaves the record as it was, with no
     * serialisation of the table; the file is always what {@link TableRecord#entry} gives for the
     * table, so a restart decorates the kernel's table the same either way.
     */
    private void updateRecord(List<PlanTranslator.Step> steps) throws DataPlaneException {
        Map<ServiceKey, VirtualService> entries = null;
        if (recordStale) {
            entries = new HashMap<>();
            for (VirtualService service : table.values()) {
                VirtualService entry = TableRecord.entry(service);
                if (entry != null) {
                    entries.put(service.key(), entry);
                }
            }
        } else {
            for (int i = 0; i < steps.size(); i++) {
                VirtualService after = steps.get(i).after();
                VirtualService entry = after == null ? null : TableRecord.entry(after);
                Map<ServiceKey, VirtualService> current = entries == null ? recorded : entries;
                if (entry == null && current.isEmpty()) {
                    continue; // nothing recorded and nothing to record: the common case of a large apply
                }
                ServiceKey key = steps.get(i).operation().service();
                if (!Objects.equals(entry, current.get(key))) {
                    if (entries == null) {
                        entries = new HashMap<>(recorded);
                    }
                    if (entry == null) {
                        entries.remove(key);
                    } else {
                        entries.put(key, entry);
                    }
                }
            }
        }
        if (entries == null) {
            return;
        }
        try {
            record.write(entries.values());
            recorded = entries;
            recordStale = false;
        } catch (IOException e) {
            // The file now lags the table in services later plans may not touch: rewrite it whole next time.
            recordStale = true;
            throw new DataPlaneException("the ipvs plane applied the plan but cannot write its record "
                    + e.getMessage() + "; labels and sorry servers may be lost after a restart", e);
        }
    }
}
