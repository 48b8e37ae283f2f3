package io.ballast.agent.dataplane.userspace;

import io.ballast.agent.dataplane.DataPlane;
import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.dataplane.PlaneOptions;
import io.ballast.agent.loop.EventLoop;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.Protocol;
import io.ballast.model.Scheduler;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;
import io.ballast.model.api.Capabilities;
import io.ballast.model.api.CounterSample;
import io.ballast.model.api.CounterSnapshot;
import io.ballast.model.plan.Plan;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The userspace data plane: listens on every virtual address and port of its table and forwards
 * TCP connections and UDP flows to real servers, choosing them with the IPVS schedulers. All
 * sockets and state belong to one event-loop thread; the public methods hand work to it.
 *
 * <p>For the lab and tests only: it proxies (real servers see the director's address), and its
 * throughput is that of one Java thread.
 */
public final class UserspaceDataPlane implements DataPlane {

    private static final Logger LOG = LoggerFactory.getLogger(UserspaceDataPlane.class);
    private static final long TICK_MILLIS = 250;
    private static final long CALL_TIMEOUT_SECONDS = 30;

    static final Capabilities CAPABILITIES = new Capabilities("userspace", true, EnumSet.allOf(Scheduler.class),
            EnumSet.of(ForwardingMethod.NAT), EnumSet.of(Protocol.TCP, Protocol.UDP), false, true, true, false,
            "userspace forwarder for the lab and tests: it proxies like NAT (DR and TUN are not reproduced), "
                    + "has no firewall marks, no SCTP and no connection sync");

    private final UserspaceSettings settings;
    private final EventLoop loop;
    private final ByteBuffer datagramBuffer = ByteBuffer.allocateDirect(65_536);
    private final Map<ServiceKey, ServiceRuntime> services = new LinkedHashMap<>();
    private final TableChange tableChange;
    private volatile List<VirtualService> table = List.of();
    private boolean active = true;
    private final AtomicBoolean closed = new AtomicBoolean();

    private UserspaceDataPlane(UserspaceSettings settings) {
        this.settings = settings;
        this.loop = EventLoop.start("ballast-userspace-plane");
        this.tableChange = new TableChange(this);
        // The tick expires idle UDP flows and persistence templates.
        loop.execute(() -> loop.every(TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS), this::tick));
    }

    /** Opens an empty, active plane. */
    public static UserspaceDataPlane open(PlaneOptions options) throws DataPlaneException {
        UserspaceSettings settings = UserspaceSettings.from(options);
        LOG.warn("userspace data plane: for the lab and tests only, not for production traffic");
        try {
            return new UserspaceDataPlane(settings);
        } catch (UncheckedIOException e) {
            throw new DataPlaneException("userspace data plane: " + e.getMessage(), e);
        }
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public List<VirtualService> readTable() {
        return table;
    }

    @Override
    public void apply(Plan plan) throws DataPlaneException {
        onLoop(() -> {
            table = tableChange.apply(plan, table, services, active);
            return null;
        });
    }

    @Override
    public CounterSnapshot sampleCounters() throws DataPlaneException {
        return onLoop(() -> {
            List<CounterSample> samples = new ArrayList<>();
            for (ServiceRuntime s : services.values()) {
                s.addSamples(samples);
            }
            return new CounterSnapshot(System.currentTimeMillis(), samples);
        });
    }

    /** False closes every listener (the VIP is released) and keeps the table; true opens them again. */
    @Override
    public void setActive(boolean nowActive) throws DataPlaneException {
        onLoop(() -> {
            if (nowActive == active) {
                return null;
            }
            if (nowActive) {
                tableChange.openListeners(services);
            } else {
                services.values().forEach(ServiceRuntime::closeListener);
            }
            active = nowActive;
            LOG.info("userspace data plane: {}", nowActive ? "active, listening on the virtual addresses"
                    : "standby, virtual addresses released");
            return null;
        });
    }

    public boolean isActive() throws DataPlaneException {
        return onLoop(() -> active);
    }

    /** Connections a real server refused (or could not be reached for), per service and real server key. */
    public long connectFailures(ServiceKey service, String realServer) throws DataPlaneException {
        return onLoop(() -> {
            ServiceRuntime s = services.get(service);
            Backend b = s == null ? null : s.backend(realServer);
            return b == null ? 0L : b.connectFailures();
        });
    }

    /** Closes every listener and connection and stops the event loop; a second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            loop.call(() -> {
                services.values().forEach(ServiceRuntime::retire);
                services.clear();
                return null;
            }, CALL_TIMEOUT_SECONDS);
        } catch (Exception e) {
            LOG.warn("userspace data plane: closing: {}", e.getMessage());
        }
        loop.close();
    }

    EventLoop loop() {
        return loop;
    }

    UserspaceSettings settings() {
        return settings;
    }

    ByteBuffer datagramBuffer() {
        return datagramBuffer;
    }

    private void tick() {
        long now = System.currentTimeMillis();
        for (ServiceRuntime s : services.values()) {
            s.tick(now);
        }
    }

    private interface LoopWork<T> {
        T run() throws DataPlaneException;
    }

    private <T> T onLoop(LoopWork<T> work) throws DataPlaneException {
        try {
            return loop.call(() -> {
                try {
                    return work.run();
                } finally {
                    loop.flushCancelledKeys();
                }
            }, CALL_TIMEOUT_SECONDS);
        } catch (DataPlaneException e) {
            throw e;
        } catch (Exception e) {
            throw new DataPlaneException("userspace data plane: " + e.getMessage(), e);
        }
    }
}
