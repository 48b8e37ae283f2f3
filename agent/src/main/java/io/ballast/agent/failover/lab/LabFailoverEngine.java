package io.ballast.agent.failover.lab;

import io.ballast.agent.failover.FailoverEngine;
import io.ballast.agent.failover.FailoverException;
import io.ballast.agent.failover.RoleChange;
import io.ballast.agent.failover.lab.VrrpStateMachine.Action;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.FailoverSettings;
import io.ballast.model.api.Role;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab's failover engine: VRRPv3 semantics (priorities, master-down = 3 × advert + skew, preempt,
 * preempt delay, priority-0 hand-over) with adverts as UDP datagrams between agents on loopback, so a
 * lab cluster fails over without root. It says it is the lab engine; production uses keepalived.
 *
 * <p>One daemon thread owns the state machine; other threads post commands to it.
 */
public final class LabFailoverEngine implements FailoverEngine {

    public static final String NAME = "lab";
    private static final Logger LOG = LoggerFactory.getLogger(LabFailoverEngine.class);
    // A not-ready node advertises this much less, like keepalived's track_file weight.
    private static final int NOT_READY_PENALTY = 100;

    private final String nodeId;
    private final InetSocketAddress bind;
    private final List<InetSocketAddress> peers;
    private final List<Consumer<RoleChange>> listeners = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();

    private volatile Role role = Role.INIT;
    private volatile boolean running;
    private DatagramChannel channel;
    private Selector selector;
    private Thread loop;
    private VrrpStateMachine machine;
    private int vrid;
    private long holdAfterStepDownMs;
    private long lastPeerAdvertAt;
    private String lastPeer = "the peer";
    private boolean ready = true;

    public LabFailoverEngine(String nodeId, InetSocketAddress bind, List<InetSocketAddress> peers) {
        this.nodeId = nodeId;
        this.bind = bind;
        this.peers = List.copyOf(peers);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The address adverts are received on (useful when bound to port 0). */
    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    @Override
    public synchronized void start(ClusterSpec spec) throws FailoverException {
        if (running) {
            update(spec);
            return;
        }
        try {
            selector = Selector.open();
            channel = DatagramChannel.open();
            channel.configureBlocking(false);
            channel.bind(bind);
            channel.register(selector, SelectionKey.OP_READ);
        } catch (IOException e) {
            throw new FailoverException("lab failover engine cannot receive adverts on " + bind + ": " + e.getMessage(), e);
        }
        LOG.info("lab failover engine (loopback adverts, for the lab and tests only) on {} with peers {}", bind, peers);
        machine = newMachine(spec);
        running = true;
        loop = new Thread(this::run, "lab-vrrp-" + nodeId);
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public void update(ClusterSpec spec) {
        post(() -> {
            // Keep the role; only the settings change, as keepalived does on reload.
            Role current = machine.role();
            machine = newMachine(spec);
            machine.resume(current, now());
        });
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
    public void stepDown() throws FailoverException {
        if (role != Role.MASTER) {
            throw new FailoverException("this director is " + role + ", not master: it has no VIPs to hand over");
        }
        post(() -> {
            if (machine.stepDown(now(), holdAfterStepDownMs) == Action.SEND_ADVERT) {
                send(machine.advert(vrid, true));
            }
            publish("stepped down: handed the VIPs over (priority 0 advert)");
        });
    }

    @Override
    public void setReady(boolean nowReady) {
        post(() -> {
            ready = nowReady;
            machine.setReady(nowReady);
        });
    }

    @Override
    public void close() {
        running = false;
        if (selector != null) {
            selector.wakeup();
        }
        if (loop != null) {
            try {
                loop.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (channel != null) {
                channel.close();
            }
            if (selector != null) {
                selector.close();
            }
        } catch (IOException e) {
            LOG.debug("closing lab failover engine: {}", e.getMessage());
        }
    }

    private VrrpStateMachine newMachine(ClusterSpec spec) {
        FailoverSettings failover = spec.failover();
        Director self = spec.directors().stream().filter(d -> d.id().equals(nodeId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("director '" + nodeId + "' is not in cluster '"
                        + spec.name() + "'"));
        vrid = failover.vrid();
        holdAfterStepDownMs = Math.max(failover.preemptDelaySeconds() * 1000L, 10L * failover.advertIntervalMs());
        VrrpStateMachine fresh = new VrrpStateMachine(nodeId, self.priority(),
                new VrrpTimers(failover.advertIntervalMs(), 3), failover.preempt(),
                failover.preemptDelaySeconds() * 1000L, NOT_READY_PENALTY);
        fresh.setReady(ready);
        return fresh;
    }

    private void run() {
        machine.start(now());
        ByteBuffer buffer = ByteBuffer.allocate(512);
        while (running) {
            try {
                long wait = Math.max(1, machine.deadline() - now());
                selector.select(Math.min(wait, 1_000));
                selector.selectedKeys().clear();
                Runnable command;
                while ((command = commands.poll()) != null) {
                    command.run();
                }
                receive(buffer);
                if (machine.onTimer(now()) == Action.SEND_ADVERT) {
                    send(machine.advert(vrid, false));
                }
                publishIfChanged();
            } catch (IOException | RuntimeException e) {
                LOG.warn("lab failover engine: {}", e.getMessage());
            }
        }
    }

    private void receive(ByteBuffer buffer) throws IOException {
        while (true) {
            buffer.clear();
            if (channel.receive(buffer) == null) {
                return;
            }
            Advert advert = Advert.decode(buffer.array(), buffer.position());
            if (advert == null || advert.vrid() != vrid || advert.node().equals(nodeId)) {
                continue;
            }
            lastPeerAdvertAt = System.currentTimeMillis();
            lastPeer = advert.node();
            if (machine.onAdvert(now(), advert) == Action.SEND_ADVERT) {
                send(machine.advert(vrid, false));
            }
            publishIfChanged();
        }
    }

    private void send(Advert advert) {
        ByteBuffer data = ByteBuffer.wrap(advert.encode());
        for (InetSocketAddress peer : peers) {
            try {
                channel.send(data.rewind(), peer);
            } catch (IOException e) {
                LOG.debug("advert to {} not sent: {}", peer, e.getMessage());
            }
        }
    }

    private void publishIfChanged() {
        if (machine.role() == role) {
            return;
        }
        String reason;
        long lostAt = 0;
        if (machine.role() == Role.MASTER && lastPeerAdvertAt > 0) {
            lostAt = lastPeerAdvertAt;
            reason = "took over: last advert from " + lastPeer + " "
                    + (System.currentTimeMillis() - lastPeerAdvertAt) + " ms ago";
        } else if (machine.role() == Role.MASTER) {
            reason = "no master heard within the master-down interval";
        } else {
            reason = "yielded to " + lastPeer;
        }
        publish(reason, lostAt);
    }

    private void publish(String reason) {
        publish(reason, 0);
    }

    private void publish(String reason, long masterLostAtMillis) {
        Role before = role;
        role = machine.role();
        if (before == role) {
            return;
        }
        RoleChange change = new RoleChange(before, role, System.currentTimeMillis(), reason, masterLostAtMillis);
        LOG.info("lab failover engine: {} -> {} ({})", before, role, reason);
        listeners.forEach(l -> l.accept(change));
    }

    private void post(Runnable command) {
        commands.add(command);
        if (selector != null) {
            selector.wakeup();
        }
    }

    private static long now() {
        return System.nanoTime() / 1_000_000;
    }
}
