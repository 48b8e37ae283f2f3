package io.ballast.agent.stats;

import io.ballast.agent.dataplane.DataPlane;
import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.state.SeriesKey;
import io.ballast.agent.state.StatsHistory;
import io.ballast.model.api.CounterSample;
import io.ballast.model.api.CounterSnapshot;
import io.ballast.model.api.Counters;
import io.ballast.model.api.StatsPoint;
import io.ballast.model.api.StatsSeries;
import io.ballast.model.api.StatsTick;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the plane's cumulative counters once a second, turns them into per-second points, feeds
 * the history and pushes a {@link StatsTick} to listeners (the SSE stream). A counter that went
 * down (the plane restarted) counts from zero again rather than producing a negative rate.
 */
public final class StatsSampler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StatsSampler.class);

    private final DataPlane plane;
    private final StatsHistory history;
    private final List<Consumer<StatsTick>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stats-sampler");
        t.setDaemon(true);
        return t;
    });
    private List<CounterSample> previousSamples = List.of();
    private List<SeriesKey> previousKeys = List.of();
    private volatile CounterSnapshot latest = new CounterSnapshot(0, List.of());
    private boolean failing;
    private int serviceCount = -1;
    static final long MIN_IDLE_MILLIS = 500;
    private long lastEndMillis = Long.MIN_VALUE / 2;

    public StatsSampler(DataPlane plane, StatsHistory history) {
        this.plane = plane;
        this.history = history;
    }

    public void start() {
        thread.scheduleAtFixedRate(this::sampleQuietly, 1000 - System.currentTimeMillis() % 1000, 1000, TimeUnit.MILLISECONDS);
    }

    public void onTick(Consumer<StatsTick> listener) {
        listeners.add(listener);
    }

    public void removeTickListener(Consumer<StatsTick> listener) {
        listeners.remove(listener);
    }

    /** The last counters read, for /metrics. */
    public CounterSnapshot latest() {
        return latest;
    }

    private void sampleQuietly() {
        if (!due(System.currentTimeMillis())) {
            return;
        }
        try {
            sample();
            failing = false;
        } catch (DataPlaneException | SQLException | RuntimeException e) {
            if (!failing) {
                LOG.warn("stats sampling failed: {}", e.getMessage());
            }
            failing = true;
        } finally {
            ended(System.currentTimeMillis());
        }
    }

    /**
     * Whether a scheduled sample should run now. A fixed-rate schedule runs the seconds it missed back to
     * back once a slow sample returns (the nftables plane at 10,000 servers on a loaded machine): the agent
     * then sampled without pause. A run that comes less than {@link #MIN_IDLE_MILLIS} after the previous
     * sample ended is skipped instead; a sampler that keeps up (a sample takes milliseconds) never meets
     * this, even when its thread wakes up late.
     */
    boolean due(long nowMillis) {
        return nowMillis - lastEndMillis >= MIN_IDLE_MILLIS;
    }

    /** Records when a sample ended, for {@link #due}. */
    void ended(long nowMillis) {
        lastEndMillis = nowMillis;
    }

    /** Takes one sample now. */
    public StatsTick sample() throws DataPlaneException, SQLException {
        CounterSnapshot snapshot = plane.sampleCounters();
        long at = snapshot.atMillis() - snapshot.atMillis() % 1000;
        List<CounterSample> samples = snapshot.samples();
        List<SeriesKey> keys = new ArrayList<>(samples.size());
        List<StatsPoint> points = new ArrayList<>(samples.size());
        long conns = 0;
        long active = 0;
        long in = 0;
        long out = 0;
        List<StatsSeries> services = new ArrayList<>();
        Map<SeriesKey, Integer> previousIndex = null;
        for (int i = 0; i < samples.size(); i++) {
            CounterSample sample = samples.get(i);
            SeriesKey key;
            Counters before = null;
            // The plane lists its series in the same order every second: match by position, look up only after a change.
            if (i < previousSamples.size() && sameSeries(previousSamples.get(i), sample)) {
                key = previousKeys.get(i);
                before = previousSamples.get(i).counters();
            } else {
                key = new SeriesKey(sample.service(), sample.realServer());
                if (previousIndex == null) {
                    previousIndex = index(previousKeys);
                }
                Integer j = previousIndex.get(key);
                if (j != null) {
                    before = previousSamples.get(j).counters();
                }
            }
            StatsPoint p = delta(at, before, sample.counters());
            keys.add(key);
            points.add(p);
            if (key.isService()) {
                services.add(new StatsSeries(key.service(), null, List.of(p)));
                conns += p.connections();
                active += p.activeConnections();
                in += p.bytesIn();
                out += p.bytesOut();
            }
        }
        previousSamples = samples;
        previousKeys = keys;
        latest = snapshot;
        if (services.size() != serviceCount) {
            serviceCount = services.size();
            history.retainServices(services.stream().map(StatsSeries::service).collect(java.util.stream.Collectors.toSet()));
        }
        StatsPoint total = new StatsPoint(at, conns, active, in, out);
        history.record(at, total, keys, points);
        StatsTick tick = new StatsTick(at, total, services, snapshot);
        listeners.forEach(l -> l.accept(tick));
        return tick;
    }

    private static boolean sameSeries(CounterSample a, CounterSample b) {
        return a.service().equals(b.service()) && java.util.Objects.equals(a.realServer(), b.realServer());
    }

    private static Map<SeriesKey, Integer> index(List<SeriesKey> keys) {
        Map<SeriesKey, Integer> index = new HashMap<>(keys.size() * 2);
        for (int i = 0; i < keys.size(); i++) {
            index.put(keys.get(i), i);
        }
        return index;
    }

    private static StatsPoint delta(long at, Counters before, Counters after) {
        Counters base = before == null || after.connections() < before.connections()
                || after.bytesIn() < before.bytesIn() ? Counters.ZERO : before;
        if (before == null) {
            base = after;
        }
        return new StatsPoint(at, after.connections() - base.connections(), after.activeConnections(),
                after.bytesIn() - base.bytesIn(), after.bytesOut() - base.bytesOut());
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
