package io.ballast.agent.failover;

import io.ballast.agent.health.HealthMonitor;
import io.ballast.agent.health.HealthVerdict;
import io.ballast.agent.reconcile.Reconciler;
import io.ballast.agent.state.EventJournal;
import io.ballast.model.ClusterSpec;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import io.ballast.model.api.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Holds a starting director back from the VIPs (fail-back) until it can serve them. The agent starts
 * not ready ({@link FailoverEngine#setReady} false: keepalived advertises the lowest priority) and
 * becomes ready once, when all of these hold:
 * <ol>
 * <li>every real server of every service with a health check has a verdict (up or down);</li>
 * <li>the reconciler's last convergence succeeded: the plane holds the target table;</li>
 * <li>with {@code failover.connectionSync}: the plane has known for {@code syncSettleMillis} that the director
 *     is BACKUP (conntrackd asked the master for a full resync then, and injects it into the kernel table),
 *     or it is already MASTER;</li>
 * <li>STREAMLINE: its API has answered long enough for the peers to have seen it
 *     ({@link PeerWatch#seenByPeersSince}), so the survivor has put it back among the real servers
 *     before it takes the VIPs.</li>
 * </ol>
 * Readiness latches: a running master does not give up the VIPs because a server added later is not
 * checked yet; health and drift after that are the reconciler's business, not a reason to fail over.
 */
public final class ReadinessGate implements AutoCloseable {

    private static final long CHECK_MS = 100;

    private final FailoverEngine failover;
    private final HealthMonitor health;
    private final Reconciler reconciler;
    private final EventJournal journal;
    private final long syncSettleMillis;
    private final java.util.function.BooleanSupplier peersSawUs;
    private final long startedAt = System.currentTimeMillis();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "readiness");
        t.setDaemon(true);
        return t;
    });
    private volatile long backupSince;
    private volatile boolean ready;

    public ReadinessGate(FailoverEngine failover, HealthMonitor health, Reconciler reconciler, EventJournal journal,
                         long syncSettleMillis, java.util.function.BooleanSupplier peersSawUs) {
        this.failover = failover;
        this.health = health;
        this.reconciler = reconciler;
        this.journal = journal;
        this.syncSettleMillis = syncSettleMillis;
        this.peersSawUs = peersSawUs;
    }

    /** Call before the engine starts, so it never advertises a ready priority too early. */
    public void holdBack() {
        failover.setReady(false);
        failover.onRoleChange(change -> backupSince = change.to() == Role.BACKUP ? change.atMillis() : 0);
    }

    /** Checks every 100 ms until ready. */
    public void start() {
        thread.scheduleWithFixedDelay(this::check, 0, CHECK_MS, TimeUnit.MILLISECONDS);
    }

    public boolean ready() {
        return ready;
    }

    private void check() {
        if (ready) {
            return;
        }
        ClusterSpec spec = reconciler.desired();
        Role role = failover.role();
        if (role == Role.BACKUP && backupSince == 0) {
            backupSince = System.currentTimeMillis();
        }
        // The settle time counts from the moment the plane asked for the resync, not from the role change.
        long standby = reconciler.standbySince();
        List<String> missing = missing(spec, health.verdicts(), reconciler.converged(), role,
                standby == 0 ? 0 : Math.max(backupSince, standby), System.currentTimeMillis(), syncSettleMillis);
        if (spec.form() == io.ballast.model.ClusterForm.STREAMLINE && !peersSawUs.getAsBoolean()) {
            missing.add("the peers have not seen this node's agent answer yet");
        }
        if (missing.isEmpty()) {
            ready = true;
            failover.setReady(true);
            journal.record("failover-ready", "failover", spec.revision(), "ready to hold the VIPs "
                    + (System.currentTimeMillis() - startedAt) + " ms after start: every checked server has a verdict,"
                    + " the table matches revision " + spec.revision()
                    + (spec.failover() != null && spec.failover().connectionSync() ? ", connection sync had time to run" : ""));
            thread.shutdown();
        }
    }

    /** What still stands between this director and readiness; empty when ready. */
    static List<String> missing(ClusterSpec spec, Map<String, Map<String, HealthVerdict>> verdicts, boolean converged,
                                Role role, long backupSince, long now, long syncSettleMillis) {
        List<String> missing = new ArrayList<>();
        int unchecked = 0;
        for (VirtualService service : spec.virtualServices()) {
            if (service.healthCheck() == null) {
                continue;
            }
            Map<String, HealthVerdict> byServer = verdicts.getOrDefault(service.key().toString(), Map.of());
            for (RealServer server : service.realServers()) {
                if (!byServer.containsKey(server.key())) {
                    unchecked++;
                }
            }
        }
        if (unchecked > 0) {
            missing.add(unchecked + " real server(s) without a health verdict yet");
        }
        if (!converged) {
            missing.add("the table does not match the spec yet");
        }
        boolean sync = spec.failover() != null && spec.failover().connectionSync();
        if (sync && role != Role.MASTER && (backupSince == 0 || now - backupSince < syncSettleMillis)) {
            missing.add("connection sync has not had " + syncSettleMillis + " ms as backup yet");
        }
        return missing;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
