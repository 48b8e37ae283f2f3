package io.ballast.agent.failover;

import io.ballast.agent.failover.peer.PeerClient;
import io.ballast.agent.failover.peer.PeerSettings;
import io.ballast.agent.reconcile.Reconciler;
import io.ballast.agent.state.EventJournal;
import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.api.AgentStatus;
import io.ballast.model.api.Role;
import io.ballast.model.json.SpecCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Reads every peer director's {@code GET /api/v1/status} and says what it sees:
 * <ul>
 * <li>{@code spec-mismatch}: the peer enforces another spec (hashes differ);</li>
 * <li>{@code split-brain}: the peer and this director are both MASTER — at once, with both views;</li>
 * <li>{@code takeover}: after this director lost the VIPs, the moment a peer reported MASTER;</li>
 * <li>STREAMLINE: {@code real-server-left} / {@code real-server-rejoined} when a peer's agent stops or starts
 *     answering, and the reconciler takes it out of (puts it back into) every service's real-server set.</li>
 * </ul>
 * It also writes the {@code role-changed} sentence, with both timestamps: when the old master was lost
 * and when the new one became active. Peers are polled every {@code peerPollMillis}, every 50 ms while a
 * takeover is awaited, and at once when this director becomes master.
 */
public final class PeerWatch implements AutoCloseable {

    private static final long FAST_POLL_MS = 50;
    private static final long TAKEOVER_WAIT_MS = 15_000;

    private final String nodeId;
    private final PeerSettings settings;
    private final Supplier<ClusterSpec> desired;
    private final FailoverEngine failover;
    private final EventJournal journal;
    private final Reconciler reconciler;
    private final Map<String, PeerView> peers = new LinkedHashMap<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "peer-watch");
        t.setDaemon(true);
        return t;
    });
    private final long startedAt = System.currentTimeMillis();
    private long handOverAt;

    public PeerWatch(String nodeId, PeerSettings settings, Supplier<ClusterSpec> desired, FailoverEngine failover,
                     EventJournal journal, Reconciler reconciler) {
        this.nodeId = nodeId;
        this.settings = settings;
        this.desired = desired;
        this.failover = failover;
        this.journal = journal;
        this.reconciler = reconciler;
    }

    /** Starts polling (nothing to do without a token or peers with pinned fingerprints) and follows role changes. */
    public void start() {
        failover.onRoleChange(this::followRole);
        boolean hasPeers = desired.get().directors().stream().anyMatch(d -> !d.id().equals(nodeId));
        if (settings.token().isEmpty()) {
            if (!hasPeers) {
                return; // a single director: nobody to watch, nothing to say
            }
            journal.record("peer-watch-off", "failover", revision(), "no failoverSettings.peerTokenFile: this director"
                    + " does not read its peers' status (no split-brain alarm, no spec comparison, no takeover timing)");
            return;
        }
        thread.schedule(this::pollLoop, 0, TimeUnit.MILLISECONDS);
    }

    /** The role-changed sentence: what changed, why, and both timestamps. */
    public synchronized String describe(RoleChange change) {
        String head = change.from() + " → " + change.to() + ": " + change.reason() + "; ";
        if (change.to() == Role.MASTER) {
            return head + oldMasterLost(change.atMillis()) + ", new master active at " + time(change.atMillis())
                    + " (this director)";
        }
        if (change.from() == Role.MASTER) {
            return head + "old master lost at " + time(change.atMillis()) + " (this director)"
                    + ", new master active: not yet seen (a takeover event follows when a peer reports MASTER)";
        }
        return head + "no master change here";
    }

    /**
     * The role-changed event's facts: the engine's own, and when the engine could not tell when the old
     * master was lost (keepalived does not say), what this director saw of it through the peer's API.
     */
    public synchronized Map<String, String> detail(RoleChange change) {
        Map<String, String> detail = new LinkedHashMap<>(change.detail());
        if (change.to() == Role.MASTER && change.masterLostAtMillis() == 0) {
            PeerView last = lastMasterSeen();
            if (last != null) {
                long lostAt = last.masterGoneAt > 0 && last.masterGoneAt <= change.atMillis()
                        ? last.masterGoneAt : last.lastMasterSeenAt;
                detail.put("masterLostAtMillis", Long.toString(lostAt));
                detail.put("takeoverMillis", Long.toString(change.atMillis() - lostAt));
            }
        }
        return detail;
    }

    /**
     * Whether every reachable peer has had time to see this director's agent answering since
     * {@code sinceMillis} (its silence limit plus three polls, at least 1.5 s): a returning streamline node is back in the survivor's
     * real-server set before it competes for the VIPs. A peer that does not answer is not waited for.
     */
    public synchronized boolean seenByPeersSince(long sinceMillis) {
        // The peer needs a poll to notice us, and a poll may wait out a stale ARP entry or a timeout first.
        long settled = sinceMillis + Math.max(1_500, settings.lostAfterMillis() + 3 * settings.pollMillis());
        for (PeerView peer : peers.values()) {
            if (peer.client != null && !peer.left && peer.lastAnswerAt < settled
                    && System.currentTimeMillis() - peer.lastAnswerAt < settings.lostAfterMillis()) {
                return false;
            }
        }
        return System.currentTimeMillis() >= settled;
    }

    /** Directors whose agents have left (STREAMLINE), for tests and status. */
    public synchronized Set<String> leftDirectors() {
        Set<String> left = new TreeSet<>();
        peers.values().forEach(p -> {
            if (p.left) {
                left.add(p.id);
            }
        });
        return left;
    }

    private void followRole(RoleChange change) {
        synchronized (this) {
            if (change.from() == Role.MASTER && change.to() != Role.MASTER) {
                handOverAt = change.atMillis();
            } else if (change.to() == Role.MASTER) {
                handOverAt = 0;
            }
        }
        if (change.to() == Role.MASTER && settings.token().isPresent() && !thread.isShutdown()) {
            // Split brain or a lost streamline peer should be known now, not at the next poll.
            try {
                thread.execute(this::pollOnce);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // Closing: nobody is left to tell.
            }
        }
    }

    private void pollLoop() {
        pollOnce();
        long delay;
        synchronized (this) {
            boolean awaiting = handOverAt > 0 && System.currentTimeMillis() - handOverAt < TAKEOVER_WAIT_MS;
            delay = awaiting ? FAST_POLL_MS : settings.pollMillis();
        }
        if (!thread.isShutdown()) {
            thread.schedule(this::pollLoop, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void pollOnce() {
        ClusterSpec spec = desired.get();
        for (Director director : spec.directors()) {
            if (director.id().equals(nodeId)) {
                continue;
            }
            String fingerprint = settings.fingerprints().get(director.id());
            PeerView peer = view(director, fingerprint);
            if (peer == null) {
                continue;
            }
            AgentStatus status = null;
            String failure = null;
            try {
                status = peer.client.status(Duration.ofMillis(Math.max(500, Math.min(1000, settings.pollMillis() * 2))));
            } catch (Exception e) {
                failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            if (status != null) {
                answered(spec, peer, status, System.currentTimeMillis());
            } else {
                silent(spec, peer, failure, System.currentTimeMillis());
            }
        }
    }

    private synchronized PeerView view(Director director, String fingerprint) {
        PeerView peer = peers.get(director.id());
        if (peer == null || !peer.endpoint.equals(director.agentEndpoint())) {
            if (fingerprint == null) {
                if (peer == null) {
                    peers.put(director.id(), PeerView.unpinned(director));
                    journal.record("peer-watch-off", "failover", revision(), "peer " + director.id() + " has no"
                            + " failoverSettings.peerFingerprint." + director.id() + ": its status is not read");
                }
                return null;
            }
            peer = new PeerView(director.id(), director.agentEndpoint(),
                    new PeerClient(director.agentEndpoint(), fingerprint, settings.token().orElseThrow()), startedAt);
            peers.put(director.id(), peer);
        }
        return peer.client == null ? null : peer;
    }

    private synchronized void answered(ClusterSpec spec, PeerView peer, AgentStatus status, long now) {
        peer.lastAnswerAt = now;
        peer.failures = 0;
        Role before = peer.role;
        peer.role = status.role();
        if (status.role() == Role.MASTER) {
            peer.lastMasterSeenAt = now;
            peer.masterGoneAt = 0;
        } else if (before == Role.MASTER && peer.masterGoneAt == 0) {
            peer.masterGoneAt = now;
        }
        if (peer.left) {
            peer.left = false;
            membershipChanged(spec, peer, "real-server-rejoined", peer.id + " rejoined the real-server set of every"
                    + " service: its agent answers again (role " + status.role() + ")");
        }
        String ours = SpecCodec.hash(spec);
        String pair = ours + "/" + status.specHash();
        if (!ours.equals(status.specHash())) {
            if (!pair.equals(peer.mismatch)) {
                peer.mismatch = pair;
                journal.record("spec-mismatch", "failover", spec.revision(), "peer " + peer.id + " enforces revision "
                        + status.revision() + " (hash " + shortHash(status.specHash()) + ") but this director enforces "
                        + spec.revision() + " (hash " + shortHash(ours) + "): send both the same spec");
            }
        } else if (peer.mismatch != null) {
            peer.mismatch = null;
            journal.record("spec-match", "failover", spec.revision(), "peer " + peer.id + " enforces the same spec again"
                    + " (revision " + status.revision() + ")");
        }
        Role mine = failover.role();
        if (mine == Role.MASTER && status.role() == Role.MASTER) {
            if (!peer.splitBrain) {
                peer.splitBrain = true;
                journal.record("split-brain", "failover", spec.revision(), "SPLIT BRAIN: both directors hold the VIPs."
                        + " This director (" + nodeId + ") sees itself MASTER at revision " + spec.revision()
                        + "; peer " + peer.id + " reports MASTER at revision " + status.revision() + " (" + peer.endpoint
                        + ", read " + time(now) + "). The VRRP adverts between them are not getting through:"
                        + " check the link and any firewall between the directors");
            }
        } else if (peer.splitBrain) {
            peer.splitBrain = false;
            journal.record("split-brain-over", "failover", spec.revision(), "split brain over: this director is "
                    + mine + ", peer " + peer.id + " is " + status.role());
        }
        if (status.role() == Role.MASTER && handOverAt > 0) {
            journal.record("takeover", "failover", spec.revision(), peer.id + " took over the VIPs: old master lost at "
                    + time(handOverAt) + " (" + nodeId + "), new master active at " + time(now) + " (" + peer.id
                    + " first reported MASTER; resolution " + FAST_POLL_MS + " ms), takeover " + (now - handOverAt) + " ms");
            handOverAt = 0;
        }
    }

    private synchronized void silent(ClusterSpec spec, PeerView peer, String failure, long now) {
        peer.failures++;
        if (peer.role == Role.MASTER && peer.masterGoneAt == 0) {
            peer.masterGoneAt = now;
        }
        // keepalived made us master and the old master does not answer: no need to wait out the silence.
        boolean tookOverFromIt = failover.role() == Role.MASTER && peer.role == Role.MASTER;
        if (spec.form() == ClusterForm.STREAMLINE && !peer.left
                && (tookOverFromIt || (peer.failures >= 3 && now - peer.lastAnswerAt >= settings.lostAfterMillis()))) {
            peer.left = true;
            membershipChanged(spec, peer, "real-server-left", peer.id + " left the real-server set of every service:"
                    + (tookOverFromIt ? " it was master, this director took over, and" : "")
                    + " its agent (" + peer.endpoint + ") has not answered for " + (now - peer.lastAnswerAt) + " ms ("
                    + failure + ")");
        }
    }

    private void membershipChanged(ClusterSpec spec, PeerView peer, String kind, String sentence) {
        if (spec.form() != ClusterForm.STREAMLINE) {
            return;
        }
        journal.record(kind, "failover", spec.revision(), sentence);
        reconciler.setLeftDirectors(leftDirectors());
    }

    private PeerView lastMasterSeen() {
        PeerView last = null;
        for (PeerView peer : peers.values()) {
            if (peer.lastMasterSeenAt > 0 && (last == null || peer.lastMasterSeenAt > last.lastMasterSeenAt)) {
                last = peer;
            }
        }
        return last;
    }

    private String oldMasterLost(long now) {
        PeerView last = lastMasterSeen();
        if (last == null) {
            return "old master lost: none seen by this director (first election or peer not watched)";
        }
        long lostAt = last.masterGoneAt > 0 && last.masterGoneAt <= now ? last.masterGoneAt : now;
        return "old master " + last.id + " lost at " + time(lostAt) + " (last seen MASTER at "
                + time(last.lastMasterSeenAt) + ")";
    }

    private long revision() {
        return desired.get().revision();
    }

    private static String time(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    private static String shortHash(String hash) {
        return hash == null ? "none" : hash.substring(0, Math.min(12, hash.length()));
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    /** What this director last knew of one peer. */
    private static final class PeerView {
        final String id;
        final String endpoint;
        final PeerClient client;
        long lastAnswerAt;
        int failures;
        Role role;
        long lastMasterSeenAt;
        long masterGoneAt;
        boolean left;
        boolean splitBrain;
        String mismatch;

        PeerView(String id, String endpoint, PeerClient client, long since) {
            this.id = id;
            this.endpoint = endpoint;
            this.client = client;
            this.lastAnswerAt = since;
        }

        static PeerView unpinned(Director director) {
            return new PeerView(director.id(), director.agentEndpoint(), null, 0);
        }
    }
}
