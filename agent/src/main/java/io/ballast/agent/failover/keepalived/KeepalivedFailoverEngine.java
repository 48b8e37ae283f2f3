package io.ballast.agent.failover.keepalived;

import io.ballast.agent.failover.FailoverEngine;
import io.ballast.agent.failover.FailoverException;
import io.ballast.agent.failover.RoleChange;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.api.Role;
import io.ballast.model.keepalived.ConfNode;
import io.ballast.model.keepalived.KeepalivedVrrpRenderer;
import io.ballast.model.keepalived.VrrpOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Production failover: keepalived runs VRRPv3 with the configuration the agent renders (VRRP only —
 * the agent owns the tables), reports its transitions through {@code notify_fifo}, and is steered at
 * run time through its track file, never a reload: a restored master that is not ready advertises the
 * lowest priority, and a step-down puts the instance in FAULT so the peer takes over at once. A
 * STREAMLINE node that forwards by dr also gets its VIPs on lo with ARP suppressed ({@link StreamlineLoopback}).
 */
public final class KeepalivedFailoverEngine implements FailoverEngine {

    public static final String NAME = "keepalived";
    private static final Logger LOG = LoggerFactory.getLogger(KeepalivedFailoverEngine.class);

    // keepalived adds the track file's number to the priority and clamps it to 1..254; below -253 it means FAULT.
    static final String TRACK_READY = "0";
    static final String TRACK_NOT_READY = "-253";
    static final String TRACK_FAULT = "-254";

    private final String nodeId;
    private final Path stateDir;
    private final KeepalivedSettings settings;
    private final List<Consumer<RoleChange>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "keepalived-engine");
        t.setDaemon(true);
        return t;
    });

    private volatile Role role = Role.INIT;
    private volatile boolean ready = true;
    private volatile boolean steppingDown;
    private List<ConfNode> rendered;
    private VrrpOptions options;
    private NotifyFifo fifo;
    private KeepalivedSupervisor keepalived;

    public KeepalivedFailoverEngine(String nodeId, Path stateDir, KeepalivedSettings settings) {
        this.nodeId = nodeId;
        this.stateDir = stateDir;
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized void start(ClusterSpec spec) throws FailoverException {
        Path runDir = stateDir.resolve("keepalived");
        try {
            Files.createDirectories(runDir);
            options = settings.options(runDir);
            writeTrackFile();
            fifo = NotifyFifo.open(Path.of(options.notifyFifo()), this::transition);
            writeConfig(spec, runDir);
            StreamlineLoopback.ensure(spec, settings.launcher());
            keepalived = new KeepalivedSupervisor(settings.launcher(), settings.executable(),
                    runDir.resolve("keepalived.conf"), runDir, this::supervisorEvent);
            keepalived.start();
        } catch (IOException | IllegalArgumentException e) {
            close();
            throw new FailoverException("keepalived could not be started: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void update(ClusterSpec spec) throws FailoverException {
        try {
            if (writeConfig(spec, stateDir.resolve("keepalived"))) {
                keepalived.reload();
            }
            StreamlineLoopback.ensure(spec, settings.launcher());
        } catch (IOException | IllegalArgumentException e) {
            throw new FailoverException("keepalived could not take the new failover settings: " + e.getMessage(), e);
        }
    }

    @Override
    public Role role() {
        return role;
    }

    @Override
    public void onRoleChange(Consumer<RoleChange> listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized void stepDown() throws FailoverException {
        if (role != Role.MASTER) {
            throw new FailoverException("this director is " + role + ", not master: it has no VIPs to hand over");
        }
        steppingDown = true;
        try {
            writeTrackFile();
        } catch (IOException e) {
            steppingDown = false;
            throw new FailoverException("cannot step down: the track file could not be written: " + e.getMessage(), e);
        }
        // FAULT sends a priority-0 advert, so the peer takes over without waiting for the down timer.
        timers.schedule(this::endStepDown, settings.stepDownHoldMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void setReady(boolean nowReady) {
        if (ready == nowReady) {
            return;
        }
        ready = nowReady;
        if (options == null) {
            return; // not started yet: start() writes the track file with this value
        }
        try {
            writeTrackFile();
        } catch (IOException e) {
            LOG.warn("keepalived track file could not be written: {}", e.getMessage());
        }
    }

    private synchronized void endStepDown() {
        steppingDown = false;
        try {
            writeTrackFile();
        } catch (IOException e) {
            LOG.warn("keepalived track file could not be written after a step-down: {}", e.getMessage());
        }
    }

    /** Renders the VRRP configuration; true when it differs from what keepalived runs now. */
    private boolean writeConfig(ClusterSpec spec, Path runDir) throws IOException {
        Director self = spec.directors().stream().filter(d -> d.id().equals(nodeId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("director '" + nodeId + "' is not in cluster '"
                        + spec.name() + "'"));
        List<ConfNode> nodes = KeepalivedVrrpRenderer.nodes(spec, self, options);
        if (nodes.equals(rendered)) {
            return false;
        }
        atomicWrite(runDir.resolve("keepalived.conf"), KeepalivedVrrpRenderer.render(spec, self, options));
        rendered = nodes;
        return true;
    }

    private void writeTrackFile() throws IOException {
        String value = steppingDown ? TRACK_FAULT : ready ? TRACK_READY : TRACK_NOT_READY;
        atomicWrite(Path.of(options.trackFile()), value + "\n");
    }

    private static void atomicWrite(Path file, String text) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void transition(KeepalivedNotification notification) {
        if (notification.isGroup() || !KeepalivedVrrpRenderer.VIP_INSTANCE.equals(notification.name())) {
            return;
        }
        Role before = role;
        Role now = notification.role();
        if (before == now) {
            return;
        }
        role = now;
        RoleChange change = new RoleChange(before, now, System.currentTimeMillis(),
                "keepalived: " + notification.name() + " " + notification.state() + " at priority "
                        + notification.priority() + (steppingDown ? " (stepping down)" : ""));
        listeners.forEach(l -> l.accept(change));
    }

    private void supervisorEvent(String sentence) {
        LOG.info(sentence);
        if (sentence.startsWith("keepalived exited") && role != Role.FAULT) {
            // Without keepalived this director cannot hold the VIPs: say so until it is back.
            Role before = role;
            role = Role.FAULT;
            RoleChange change = new RoleChange(before, Role.FAULT, System.currentTimeMillis(), sentence);
            listeners.forEach(l -> l.accept(change));
        }
    }

    @Override
    public synchronized void close() {
        timers.shutdownNow();
        if (keepalived != null) {
            keepalived.close();
        }
        if (fifo != null) {
            fifo.close();
        }
    }
}
