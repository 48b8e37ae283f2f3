package io.ballast.agent.state;

import io.ballast.model.api.StatsPoint;
import io.ballast.model.api.StatsReport;
import io.ballast.model.api.StatsSeries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Traffic history: 1 s points for 15 minutes in memory ({@link StatsMemory}); coarser steps in SQLite
 * per {@link StatsTier}, one row per step holding every series ({@link StepCodec}), each written when
 * its step closes and pruned past its age in the same transaction, so the file stays bounded
 * without a separate cleaner.
 */
public final class StatsHistory {

    private final AgentDatabase db;
    private final StatsMemory memory = new StatsMemory();
    private static final StatsTier[] TIERS = StatsTier.values();
    private static final long NONE = Long.MIN_VALUE;

    // The open step of every tier for each series, by tier ordinal (null: nothing in that step yet).
    private final Map<SeriesKey, StatsAccumulator[]> open = new HashMap<>();
    private final long[] openStart = new long[TIERS.length];
    private final Map<SeriesKey, Long> seriesIds = new HashMap<>();
    private static final int[] SERVICE_TIERS = tiers(false);
    private static final int[] SERVER_TIERS = tiers(true);
    // The keys of the last record() and their open steps, position by position.
    private List<SeriesKey> lastKeys = List.of();
    private StatsAccumulator[][] lastSteps = new StatsAccumulator[0][];

    public StatsHistory(AgentDatabase db) throws SQLException {
        this.db = db;
        java.util.Arrays.fill(openStart, NONE);
        db.with(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS series (id INTEGER PRIMARY KEY, service TEXT NOT NULL,"
                        + " real_server TEXT NOT NULL, UNIQUE(service, real_server))");
                s.execute("CREATE TABLE IF NOT EXISTS steps (tier INTEGER NOT NULL, t INTEGER NOT NULL,"
                        + " data BLOB NOT NULL, PRIMARY KEY (tier, t)) WITHOUT ROWID");
                try (ResultSet rs = s.executeQuery("SELECT id, service, real_server FROM series")) {
                    while (rs.next()) {
                        String rsKey = rs.getString(3);
                        seriesIds.put(new SeriesKey(rs.getString(2), rsKey.isEmpty() ? null : rsKey), rs.getLong(1));
                    }
                }
            }
            return null;
        });
    }

    /** Takes one second of traffic: the cluster total and every service and real server. */
    public synchronized void record(long atMillis, StatsPoint total, Map<SeriesKey, StatsPoint> points) throws SQLException {
        record(atMillis, total, new ArrayList<>(points.keySet()), new ArrayList<>(points.values()));
    }

    /**
     * The same, with the series and their points as two lists of equal length (the sampler's form): one
     * lookup per series and second, however many tiers hold it.
     */
    public synchronized void record(long atMillis, StatsPoint total, List<SeriesKey> keys, List<StatsPoint> points)
            throws SQLException {
        memory.add(StatsMemory.TOTAL, total);
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).isService()) {
                memory.add(keys.get(i).service(), points.get(i));
            }
        }
        for (StatsTier tier : TIERS) {
            long start = atMillis - Math.floorMod(atMillis, tier.stepMillis);
            long current = openStart[tier.ordinal()];
            if (current != NONE && current != start) {
                flush(tier, current);
            }
            openStart[tier.ordinal()] = start;
        }
        // The sampler passes the same key objects in the same order every second: the open steps are
        // found by position, and looked up only where the list changed (a lookup per series and second
        // was the sampler's largest cost at 10,000 real servers).
        StatsAccumulator[][] steps = new StatsAccumulator[keys.size()][];
        for (int i = 0; i < keys.size(); i++) {
            SeriesKey key = keys.get(i);
            StatsAccumulator[] step = i < lastKeys.size() && lastKeys.get(i) == key ? lastSteps[i] : null;
            if (step == null) {
                step = open.computeIfAbsent(key, k -> new StatsAccumulator[TIERS.length]);
            }
            steps[i] = step;
            StatsPoint point = points.get(i);
            for (int t : key.isService() ? SERVICE_TIERS : SERVER_TIERS) {
                if (step[t] == null) {
                    step[t] = new StatsAccumulator(openStart[t]);
                }
                step[t].add(point);
            }
        }
        lastKeys = keys;
        lastSteps = steps;
    }

    private static int[] tiers(boolean realServers) {
        return java.util.Arrays.stream(TIERS).filter(t -> t.realServers == realServers).mapToInt(Enum::ordinal).toArray();
    }

    /** Services that are no longer in the spec leave the in-memory window. */
    public void retainServices(Set<String> services) {
        memory.retainOnly(services);
    }

    /**
     * Series between {@code from} and {@code to}: the 1 s window when the step asked for is under 10 s
     * and the range is within the last 15 minutes, else the finest stored tier not finer than the step.
     */
    public StatsReport query(long from, long to, long step, long nowMillis) throws SQLException {
        if (step < StatsTier.SERVICE_10S.stepMillis && from >= nowMillis - StatsMemory.SECONDS * 1000L) {
            return new StatsReport(from, to, 1000, memory.range(from, to));
        }
        List<StatsSeries> series = new ArrayList<>();
        StatsTier services = pick(step, nowMillis - from, false);
        StatsTier servers = pick(step, nowMillis - from, true);
        series.addAll(stored(services, from, to));
        series.addAll(stored(servers, from, to));
        return new StatsReport(from, to, services.stepMillis, series);
    }

    /** The coarsest tier not coarser than the step that still reaches back far enough; else the finest that does. */
    private static StatsTier pick(long step, long age, boolean realServers) {
        StatsTier best = null;
        StatsTier finest = null;
        for (StatsTier tier : StatsTier.values()) {
            if (tier.realServers != realServers || tier.keepMillis < age) {
                continue;
            }
            if (finest == null || tier.stepMillis < finest.stepMillis) {
                finest = tier;
            }
            if (tier.stepMillis <= step && (best == null || tier.stepMillis > best.stepMillis)) {
                best = tier;
            }
        }
        if (best != null) {
            return best;
        }
        if (finest != null) {
            return finest;
        }
        return realServers ? StatsTier.REAL_SERVER_1H : StatsTier.SERVICE_5MIN;
    }

    private List<StatsSeries> stored(StatsTier tier, long from, long to) throws SQLException {
        return db.with(c -> {
            Map<Long, SeriesKey> byId = new HashMap<>();
            seriesIds.forEach((k, id) -> byId.put(id, k));
            Map<SeriesKey, List<StatsPoint>> points = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT t, data FROM steps WHERE tier = ? AND t >= ? AND t < ? ORDER BY t")) {
                ps.setInt(1, tier.code);
                ps.setLong(2, from);
                ps.setLong(3, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StepCodec.decode(rs.getBytes(2), rs.getLong(1), (id, point) -> {
                            SeriesKey key = byId.get(id);
                            if (key != null) {
                                points.computeIfAbsent(key, k -> new ArrayList<>()).add(point);
                            }
                        });
                    }
                }
            }
            List<StatsSeries> out = new ArrayList<>();
            points.forEach((k, p) -> out.add(new StatsSeries(k.service(), k.realServer(), p)));
            return out;
        });
    }

    private void flush(StatsTier tier, long start) throws SQLException {
        int t = tier.ordinal();
        Map<SeriesKey, StatsAccumulator> accs = new HashMap<>();
        for (java.util.Iterator<Map.Entry<SeriesKey, StatsAccumulator[]>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<SeriesKey, StatsAccumulator[]> e = it.next();
            StatsAccumulator[] steps = e.getValue();
            if (steps[t] != null) {
                accs.put(e.getKey(), steps[t]);
                steps[t] = null;
            }
            if (allWritten(steps)) {
                // A series that left the table stops taking memory once its last open step is written.
                it.remove();
                lastKeys = List.of(); // what record() found by position may be gone from the map
            }
        }
        if (accs.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            TreeMap<Long, StatsPoint> points = new TreeMap<>();
            for (Map.Entry<SeriesKey, StatsAccumulator> e : accs.entrySet()) {
                points.put(seriesId(c, e.getKey()), e.getValue().point());
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT OR REPLACE INTO steps VALUES (?,?,?)");
                 PreparedStatement prune = c.prepareStatement("DELETE FROM steps WHERE tier = ? AND t < ?")) {
                insert.setInt(1, tier.code);
                insert.setLong(2, start);
                insert.setBytes(3, StepCodec.encode(points));
                insert.executeUpdate();
                prune.setInt(1, tier.code);
                prune.setLong(2, start - tier.keepMillis);
                prune.executeUpdate();
            }
            return null;
        });
    }

    private static boolean allWritten(StatsAccumulator[] steps) {
        for (StatsAccumulator step : steps) {
            if (step != null) {
                return false;
            }
        }
        return true;
    }

    private long seriesId(Connection c, SeriesKey key) throws SQLException {
        Long id = seriesIds.get(key);
        if (id != null) {
            return id;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO series(service, real_server) VALUES (?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, key.service());
            ps.setString(2, key.realServer() == null ? "" : key.realServer());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        seriesIds.put(key, id);
        return id;
    }
}
