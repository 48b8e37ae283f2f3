package io.ballast.agent;

import io.ballast.agent.api.ApiServer;
import io.ballast.agent.api.ApiServices;
import io.ballast.agent.config.AgentConfig;
import io.ballast.agent.config.AgentConfigReader;
import io.ballast.agent.dataplane.DataPlane;
import io.ballast.agent.dataplane.DataPlanes;
import io.ballast.agent.dataplane.PlaneOptions;
import io.ballast.agent.dataplane.SpecPlaneSettings;
import io.ballast.agent.failover.FailoverEngine;
import io.ballast.agent.failover.FailoverEngines;
import io.ballast.agent.failover.PeerWatch;
import io.ballast.agent.failover.ReadinessGate;
import io.ballast.agent.failover.peer.PeerSettings;
import io.ballast.agent.config.AgentConfigException;
import io.ballast.agent.health.HealthMonitor;
import io.ballast.agent.reconcile.Reconciler;
import io.ballast.agent.security.LoginThrottle;
import io.ballast.agent.security.TlsIdentity;
import io.ballast.agent.security.TokenStore;
import io.ballast.agent.state.AgentDatabase;
import io.ballast.agent.state.EventJournal;
import io.ballast.agent.state.SpecStore;
import io.ballast.agent.state.StatsHistory;
import io.ballast.agent.stats.StatsSampler;
import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running agent: state, plane, failover, health, reconciler, stats and the HTTPS API, started
 * in that order and closed in reverse. {@link AgentMain} is the command line around it.
 */
public final class Agent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private ApiServer api;
    private TlsIdentity identity;
    private Reconciler reconciler;

    private Agent() {
    }

    /**
     * Starts an agent.
     *
     * @param provisionedToken a token given by the operator (--token-file); empty keeps or makes one
     * @param onFirstStart     receives the lines to show once (new token, fingerprint)
     */
    public static Agent start(AgentConfig config, Path configFile, Optional<String> provisionedToken,
                              HealthMonitor health, java.util.function.Consumer<String> onFirstStart) throws Exception {
        Agent agent = new Agent();
        try {
            agent.boot(config, configFile, provisionedToken, health, onFirstStart);
            return agent;
        } catch (Exception | Error e) {
            agent.close();
            throw e;
        }
    }

    private void boot(AgentConfig config, Path configFile, Optional<String> provisionedToken, HealthMonitor health,
                      java.util.function.Consumer<String> show) throws Exception {
        long startedAt = System.currentTimeMillis();
        Path stateDir = StateDirectory.prepare(AgentConfigReader.resolve(configFile, config.stateDir()));
        identity = TlsIdentity.loadOrCreate(stateDir, config.nodeId());
        if (identity.created()) {
            show.accept("TLS certificate made; clients pin its SHA-256 fingerprint: " + identity.fingerprint());
        }
        TokenStore token = tokenStore(stateDir, provisionedToken, show);
        SpecStore store = SpecStore.open(stateDir.resolve("spec"));
        opened.push(store);
        ClusterSpec spec = InitialSpec.load(store, config, configFile);

        DataPlane plane = DataPlanes.open(config.dataPlane(),
                new PlaneOptions(config.nodeId(), stateDir, SpecPlaneSettings.of(config.dataPlaneSettings(), spec)));
        opened.push(plane);
        AgentDatabase db = AgentDatabase.open(stateDir.resolve("agent.db"));
        opened.push(db);
        Clock clock = Clock.systemUTC();
        EventJournal journal = new EventJournal(db, clock);
        StatsHistory history = new StatsHistory(db);

        FailoverEngine failover = FailoverEngines.open(config.failoverEngine(), config.nodeId(), stateDir,
                config.failoverSettings());
        opened.push(failover);
        PeerSettings peerSettings = peerSettings(config, configFile);
        reconciler = new Reconciler(plane, store, journal, health, failover, spec);
        PeerWatch peers = new PeerWatch(config.nodeId(), peerSettings, reconciler::desired, failover, journal, reconciler);
        failover.onRoleChange(change -> journal.record("role-changed", "failover", revisionNow(spec),
                peers.describe(change), peers.detail(change)));
        long[] apiUpAt = {Long.MAX_VALUE};
        ReadinessGate readiness = new ReadinessGate(failover, health, reconciler, journal,
                peerSettings.syncSettleMillis(), () -> apiUpAt[0] != Long.MAX_VALUE && peers.seenByPeersSince(apiUpAt[0]));
        readiness.holdBack();
        opened.push(health);
        health.onTransition(v -> journal.record("health", "health", revisionNow(spec),
                v.service() + " " + v.realServer() + " is " + (v.up() ? "up" : "down") + ": " + v.detail(),
                Map.of("service", v.service(), "realServer", v.realServer(), "up", Boolean.toString(v.up()))));
        health.update(spec);
        failover.start(spec);

        opened.push(reconciler);
        reconciler.start(Duration.ofSeconds(config.reconcileIntervalSeconds()));
        opened.push(peers);
        peers.start();
        StatsSampler sampler = new StatsSampler(plane, history);
        opened.push(sampler);
        sampler.start();

        ApiServices services = new ApiServices(config.nodeId(), plane.capabilities(), failover, health, reconciler,
                store, journal, history, sampler, token, new LoginThrottle(clock), clock, startedAt);
        api = ApiServer.start(config.listenAddress(), config.listenPort(), identity, services);
        opened.push(api);
        apiUpAt[0] = System.currentTimeMillis();
        opened.push(readiness);
        readiness.start();
        if (spec.form() == ClusterForm.SINGLE) {
            LOG.warn("cluster form SINGLE: this director is a single point of failure");
        }
        journal.record("agent-started", "agent", spec.revision(), "agent " + config.nodeId() + " started on https://"
                + config.listenAddress() + ":" + api.port() + " with the " + plane.capabilities().plane() + " plane");
    }

    private static PeerSettings peerSettings(AgentConfig config, Path configFile) throws AgentConfigException {
        try {
            return PeerSettings.from(config.failoverSettings(), configFile.toAbsolutePath().getParent());
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new AgentConfigException(configFile, java.util.List.of(
                    new io.ballast.model.validate.Problem("/failoverSettings", e.getMessage())));
        }
    }

    private static TokenStore tokenStore(Path stateDir, Optional<String> provisioned,
                                         java.util.function.Consumer<String> show) throws java.io.IOException {
        if (provisioned.isPresent()) {
            return TokenStore.provision(stateDir, provisioned.get());
        }
        Optional<TokenStore> existing = TokenStore.load(stateDir);
        if (existing.isPresent()) {
            return existing.get();
        }
        String token = TokenStore.createRandom(stateDir);
        show.accept("API token (shown once, only its hash is kept): " + token);
        return TokenStore.load(stateDir).orElseThrow();
    }

    private long revisionNow(ClusterSpec initial) {
        return reconciler == null ? initial.revision() : reconciler.desired().revision();
    }

    public int port() {
        return api.port();
    }

    public String fingerprint() {
        return identity.fingerprint();
    }

    public Reconciler reconciler() {
        return reconciler;
    }

    @Override
    public void close() {
        while (!opened.isEmpty()) {
            AutoCloseable c = opened.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
