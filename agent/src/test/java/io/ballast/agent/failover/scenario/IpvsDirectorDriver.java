package io.ballast.agent.failover.scenario;

import io.ballast.agent.NoHealthChecks;
import io.ballast.agent.dataplane.DataPlane;
import io.ballast.agent.dataplane.DataPlanes;
import io.ballast.agent.dataplane.PlaneOptions;
import io.ballast.agent.failover.FailoverEngine;
import io.ballast.agent.failover.FailoverEngines;
import io.ballast.agent.failover.ReadinessGate;
import io.ballast.agent.health.HealthMonitor;
import io.ballast.agent.reconcile.Reconciler;
import io.ballast.agent.state.AgentDatabase;
import io.ballast.agent.state.EventJournal;
import io.ballast.agent.state.SpecStore;
import io.ballast.model.ClusterSpec;
import io.ballast.model.json.SpecCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One director inside the IPVS test VM, composed from the agent's own parts without its HTTPS API:
 * the ipvs plane (connection sync following the role), the keepalived engine (real keepalived,
 * VRRP only, notify FIFO, track file), the reconciler and the readiness gate that holds back a
 * restored master. Under TCG a whole agent takes minutes to start (TLS, Jetty); these parts take seconds.
 *
 * <p>What the agent's peer watch learns over the API (a STREAMLINE peer has left) comes from the file
 * {@code LEFT_FILE} instead: one director id per line, read every 200 ms. Prints {@code ROLE x} on
 * every role change and {@code EVENT kind: message} for every journal entry.
 *
 * <pre>
 * NODE_ID SPEC.json STATE_DIR LEFT_FILE plane.key=value… failover.key=value…
 * </pre>
 */
public final class IpvsDirectorDriver {

    private IpvsDirectorDriver() {
    }

    public static void main(String[] args) throws Exception {
        String nodeId = args[0];
        ClusterSpec initial = SpecCodec.read(Files.readString(Path.of(args[1])));
        Path stateDir = Path.of(args[2]);
        Path leftFile = Path.of(args[3]);
        Map<String, String> plane = new HashMap<>();
        Map<String, String> failover = new HashMap<>();
        for (String arg : Arrays.asList(args).subList(4, args.length)) {
            String key = arg.substring(arg.indexOf('.') + 1, arg.indexOf('='));
            (arg.startsWith("plane.") ? plane : failover).put(key, arg.substring(arg.indexOf('=') + 1));
        }
        Files.createDirectories(stateDir);
        SpecStore store = SpecStore.open(stateDir.resolve("spec"));
        ClusterSpec spec = store.current().orElseGet(() -> commit(store, initial));
        DataPlane ipvs = DataPlanes.open("ipvs", new PlaneOptions(nodeId, stateDir, plane));
        AgentDatabase db = AgentDatabase.open(stateDir.resolve("agent.db"));
        EventJournal journal = new EventJournal(db, Clock.systemUTC());
        journal.onEvent(e -> System.out.println("EVENT " + e.kind() + ": " + e.message()));
        FailoverEngine engine = FailoverEngines.open("keepalived", nodeId, stateDir, failover);
        engine.onRoleChange(change -> System.out.println("ROLE " + change.to()));
        // No health checks: the failures here are whole directors, and every server counts as up.
        HealthMonitor health = new NoHealthChecks();
        Reconciler reconciler = new Reconciler(ipvs, store, journal, health, engine, spec);
        ReadinessGate readiness = new ReadinessGate(engine, health, reconciler, journal,
                Long.parseLong(failover.getOrDefault("syncSettleMillis", "3000")), () -> true);
        readiness.holdBack();
        engine.start(spec);
        reconciler.start(Duration.ofSeconds(30));
        readiness.start();
        System.out.println("STARTED " + nodeId);
        Set<String> left = Set.of();
        while (true) {
            Set<String> now = Files.exists(leftFile)
                    ? new TreeSet<>(Files.readAllLines(leftFile).stream().map(String::strip).filter(s -> !s.isEmpty()).toList())
                    : Set.of();
            if (!now.equals(left)) {
                left = now;
                System.out.println("LEFT " + left);
                reconciler.setLeftDirectors(left);
            }
            Thread.sleep(200);
        }
    }

    private static ClusterSpec commit(SpecStore store, ClusterSpec spec) {
        try {
            return store.commit(spec);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
