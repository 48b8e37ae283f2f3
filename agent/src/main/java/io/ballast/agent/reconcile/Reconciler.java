package io.ballast.agent.reconcile;

import io.ballast.agent.dataplane.DataPlane;
import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.failover.FailoverEngine;
import io.ballast.agent.health.HealthMonitor;
import io.ballast.agent.reconcile.ChangeRefusedException.Reason;
import io.ballast.agent.state.EventJournal;
import io.ballast.agent.state.SpecStore;
import io.ballast.model.ClusterSpec;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;
import io.ballast.model.api.ApplyResult;
import io.ballast.model.api.RealServerPatch;
import io.ballast.model.api.Role;
import io.ballast.model.plan.Plan;
import io.ballast.model.plan.Planner;
import io.ballast.model.validate.Problem;
import io.ballast.model.validate.Validator;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes the plane hold what the desired spec, the health verdicts and the failover role ask for.
 * Everything that touches the plane or the store runs on one thread, one change at a time: API
 * changes, health and role transitions, and the periodic drift check (someone ran {@code ipvsadm -C}),
 * which reads the plane's table only when the plane cannot rule drift out cheaply
 * ({@link DataPlane#mayHaveDrifted()}).
 * A change is applied to the plane first and stored second, so a failed step leaves the previous
 * revision in effect, and a crash between the two converges to the stored one on the next start.
 */
public final class Reconciler implements AutoCloseable {

    public static final String ACTOR = "reconciler";

    private final DataPlane plane;
    private final SpecStore store;
    private final EventJournal journal;
    private final HealthMonitor health;
    private final FailoverEngine failover;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "reconciler");
        t.setDaemon(true);
        return t;
    });
    private volatile ClusterSpec desired;
    private Map<ServiceKey, VirtualService> table = new LinkedHashMap<>();
    private Role appliedRole;
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile Set<String> leftDirectors = Set.of();
    private volatile boolean converged;
    /** When the plane was last told this director is a standby (conntrackd asked the master for a resync); 0: not now. */
    private volatile long standbySince;

    public Reconciler(DataPlane plane, SpecStore store, EventJournal journal, HealthMonitor health,
                      FailoverEngine failover, ClusterSpec initial) {
        this.plane = plane;
        this.store = store;
        this.journal = journal;
        this.health = health;
        this.failover = failover;
        this.desired = initial;
    }

    /** Converges once (waiting for it), then repeats the drift check every {@code interval}. */
    public void start(Duration interval) throws ChangeRefusedException {
        // Listen first: a role change keepalived reports during the first convergence (BACKUP, moments
        // after it starts) would otherwise wait for the next drift check to reach the plane.
        health.onTransition(v -> requestReconcile("health"));
        failover.onRoleChange(change -> requestReconcile("role"));
        call(() -> {
            converge("start");
            return null;
        });
        long ms = interval.toMillis();
        thread.scheduleWithFixedDelay(() -> converge("drift"), ms, ms, TimeUnit.MILLISECONDS);
    }

    /** The spec in effect. */
    public ClusterSpec desired() {
        return desired;
    }

    /** Whether the last convergence succeeded: the plane holds the target table (readiness for fail-back). */
    public boolean converged() {
        return converged;
    }

    /**
     * Since when the plane has known this director is BACKUP (with connection sync: since it asked the
     * master for a full resynchronisation), or 0 while it is not — for the readiness gate.
     */
    public long standbySince() {
        return standbySince;
    }

    /** STREAMLINE: these directors have left, so they leave every service's real-server set; see {@link StreamlineMembership}. */
    public void setLeftDirectors(Set<String> directorIds) {
        leftDirectors = Set.copyOf(directorIds);
        requestReconcile("membership");
    }

    /** Asks for a convergence soon, on the reconciler's thread; requests made while one waits share it. */
    public void requestReconcile(String cause) {
        if (queued.compareAndSet(false, true)) {
            thread.execute(() -> {
                queued.set(false);
                converge(cause);
            });
        }
    }

    /** Replaces the desired spec if {@code expectedRevision} is still current; a dry run only plans. */
    public ApplyResult replace(ClusterSpec spec, long expectedRevision, String actor, boolean dryRun)
            throws ChangeRefusedException {
        return call(() -> {
            long current = desired.revision();
            if (expectedRevision != current) {
                throw new ChangeRefusedException(Reason.STALE_REVISION, List.of(new Problem("", "the change was based on revision "
                        + expectedRevision + " but revision " + current + " is in effect; reload and retry")), current);
            }
            List<Problem> problems = new ArrayList<>(Validator.validate(spec));
            problems.addAll(CapabilityCheck.problems(spec.virtualServices(), plane.capabilities()));
            if (!problems.isEmpty()) {
                throw new ChangeRefusedException(Reason.INVALID, problems, current);
            }
            List<VirtualService> target = TargetTable.of(StreamlineMembership.without(spec, leftDirectors), health.verdicts(),
                    failover.role());
            Plan plan = Planner.between(readTable(), target);
            if (dryRun) {
                return new ApplyResult(current, false, plan.summaries());
            }
            applyOrRefuse(plan, actor);
            table = index(target);
            ClusterSpec stored = commit(spec, actor);
            journal.record("spec-applied", actor, stored.revision(), "revision " + stored.revision() + " applied ("
                    + plan.size() + " operation" + (plan.size() == 1 ? "" : "s") + ")");
            return new ApplyResult(stored.revision(), true, plan.summaries());
        });
    }

    /** Changes one real server's weight or state at once: one table operation, one new revision. */
    public ApplyResult patch(ServiceKey service, String realServer, RealServerPatch patch, String actor)
            throws ChangeRefusedException {
        return call(() -> {
            RealServerPatcher.Patched patched = RealServerPatcher.apply(desired, service, realServer, patch);
            Plan plan = Plan.EMPTY;
            VirtualService before = table.get(service);
            ClusterSpec members = StreamlineMembership.without(patched.spec(), leftDirectors);
            List<VirtualService> after = TargetTable.of(
                    members.withVirtualServices(List.of(members.virtualServices().get(patched.serviceIndex()))),
                    health.verdicts(), failover.role());
            boolean oneService = before != null && after.size() == 1;
            if (oneService) {
                plan = Planner.between(List.of(before), after);
                applyOrRefuse(plan, actor);
                table.put(service, after.get(0));
            }
            ClusterSpec stored = commit(patched.spec(), actor);
            if (!oneService) {
                // The service was not in the table as last seen (a failed apply, a standby): converge the whole table.
                converge("patch");
            }
            journal.record("real-server-patched", actor, stored.revision(), service + " " + realServer + ": "
                    + describe(patch) + " (revision " + stored.revision() + ")");
            return new ApplyResult(stored.revision(), true, plan.summaries());
        });
    }

    private void converge(String cause) {
        try {
            Role role = failover.role();
            if (role != appliedRole) {
                plane.setActive(role == Role.MASTER);
                appliedRole = role;
                standbySince = role == Role.BACKUP ? System.currentTimeMillis() : 0;
            }
            List<VirtualService> target = TargetTable.of(StreamlineMembership.without(desired, leftDirectors),
                    health.verdicts(), role);
            // A periodic check after a good convergence asks the plane first: a full read can take seconds.
            boolean trustLastSeen = cause.equals("drift") && converged && !plane.mayHaveDrifted();
            Plan plan = Planner.between(trustLastSeen ? List.copyOf(table.values()) : readTable(), target);
            converged = false;
            if (!plan.isEmpty()) {
                plane.apply(plan);
                table = index(target);
                String kind = cause.equals("drift") ? "drift-repaired" : "reconciled";
                journal.record(kind, ACTOR, desired.revision(), "the table differed from revision " + desired.revision()
                        + " (" + cause + "); " + plan.size() + " operation" + (plan.size() == 1 ? "" : "s")
                        + " applied, first: " + plan.summaries().get(0));
            }
            converged = true;
        } catch (DataPlaneException e) {
            // A director whose table is not what the spec asks for must not take the VIPs back (ReadinessGate).
            converged = false;
            journal.record("apply-failed", ACTOR, desired.revision(), "converging to revision " + desired.revision()
                    + " (" + cause + ") failed: " + e.getMessage());
        } catch (RuntimeException e) {
            converged = false;
            journal.record("apply-failed", ACTOR, desired.revision(), "converging (" + cause + ") failed: " + e);
        }
    }

    private void applyOrRefuse(Plan plan, String actor) throws ChangeRefusedException {
        try {
            plane.apply(plan);
        } catch (DataPlaneException e) {
            refreshTable();
            String message = plane.capabilities().plane() + " plane failed: " + e.getMessage()
                    + "; the table was restored and revision " + desired.revision() + " stays in effect";
            journal.record("apply-failed", actor, desired.revision(), message);
            throw new ChangeRefusedException(Reason.APPLY_FAILED, List.of(new Problem("", message)), desired.revision());
        }
    }

    private ClusterSpec commit(ClusterSpec spec, String actor) throws ChangeRefusedException {
        try {
            ClusterSpec stored = store.commit(spec);
            desired = stored;
            health.update(stored);
            failover.update(stored);
            return stored;
        } catch (IOException | io.ballast.agent.failover.FailoverException e) {
            String message = "the new revision could not be stored (" + e.getMessage()
                    + "); going back to revision " + desired.revision();
            journal.record("apply-failed", actor, desired.revision(), message);
            converge("store failure");
            throw new ChangeRefusedException(Reason.APPLY_FAILED, List.of(new Problem("", message)), desired.revision());
        }
    }

    private List<VirtualService> readTable() throws DataPlaneException {
        List<VirtualService> now = plane.readTable();
        table = index(now);
        return now;
    }

    private void refreshTable() {
        try {
            readTable();
        } catch (DataPlaneException e) {
            table = new LinkedHashMap<>();
        }
    }

    private static Map<ServiceKey, VirtualService> index(List<VirtualService> services) {
        Map<ServiceKey, VirtualService> map = new LinkedHashMap<>(services.size() * 2);
        services.forEach(s -> map.put(s.key(), s));
        return map;
    }

    private static String describe(RealServerPatch patch) {
        List<String> parts = new ArrayList<>();
        if (patch.weight() != null) {
            parts.add("weight " + patch.weight());
        }
        if (patch.state() != null) {
            parts.add("state " + patch.state());
        }
        return String.join(", ", parts);
    }

    private <T> T call(Callable<T> work) throws ChangeRefusedException {
        Future<T> future = thread.submit(work);
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChangeRefusedException(Reason.APPLY_FAILED, List.of(new Problem("", "interrupted")), desired.revision());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ChangeRefusedException refused) {
                throw refused;
            }
            if (e.getCause() instanceof DataPlaneException plane) {
                throw new ChangeRefusedException(Reason.APPLY_FAILED,
                        List.of(new Problem("", "the data plane could not be read: " + plane.getMessage())), desired.revision());
            }
            throw new IllegalStateException("the reconciler failed unexpectedly", e.getCause());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
