package io.ballast.agent.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.api.StatsPoint;
import io.ballast.model.api.StatsReport;
import io.ballast.model.api.StatsSeries;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsHistoryTest {

    @TempDir
    Path dir;

    private static final SeriesKey SERVICE = new SeriesKey("tcp/203.0.113.10:80", null);
    private static final SeriesKey SERVER = new SeriesKey("tcp/203.0.113.10:80", "198.51.100.1:80");

    @Test
    void secondsAddUpToTenSecondServicePointsAndMinuteServerPoints() throws Exception {
        try (AgentDatabase db = AgentDatabase.open(dir.resolve("s.db"))) {
            StatsHistory history = new StatsHistory(db);
            long t0 = 1_800_000_000_000L; // a whole minute
            for (int s = 0; s < 130; s++) {
                long at = t0 + s * 1000L;
                StatsPoint p = new StatsPoint(at, 2, 5, 100, 1000);
                history.record(at, p, Map.of(SERVICE, p, SERVER, p));
            }
            long now = t0 + 130_000;
            StatsReport tens = history.query(t0, now, 10_000, now);
            StatsSeries service = tens.series().stream().filter(x -> x.realServer() == null).findFirst().orElseThrow();
            assertThat(tens.stepMillis()).isEqualTo(10_000);
            assertThat(service.points()).hasSize(12);
            assertThat(service.points().get(0)).isEqualTo(new StatsPoint(t0, 20, 5, 1000, 10_000));
            StatsSeries server = tens.series().stream().filter(x -> x.realServer() != null).findFirst().orElseThrow();
            assertThat(server.points()).hasSize(2);
            assertThat(server.points().get(0).connections()).isEqualTo(120);

            StatsReport seconds = history.query(now - 5000, now, 1000, now);
            assertThat(seconds.stepMillis()).isEqualTo(1000);
            assertThat(seconds.series()).anySatisfy(x -> assertThat(x.points()).hasSize(5));
        }
    }

    @Test
    void stepsAfterAnHourWhenEveryTierClosesAtOnceAreStillStored() throws Exception {
        // The sampler's form: the same key objects in the same order every second, found by position.
        try (AgentDatabase db = AgentDatabase.open(dir.resolve("s.db"))) {
            StatsHistory history = new StatsHistory(db);
            long hour = 1_800_000_000_000L; // a whole hour: every tier's step closes here
            List<SeriesKey> keys = List.of(SERVICE, SERVER);
            for (long at = hour - 5_000; at <= hour + 60_000; at += 1000) {
                StatsPoint p = new StatsPoint(at, 2, 5, 100, 1000);
                history.record(at, p, keys, List.of(p, p));
            }
            long now = hour + 61_000;
            StatsReport minutes = history.query(hour - 60_000, now, 60_000, now);
            StatsSeries server = minutes.series().stream().filter(x -> x.realServer() != null).findFirst().orElseThrow();

            assertThat(server.points()).containsExactly(new StatsPoint(hour - 60_000, 10, 5, 500, 5000),
                    new StatsPoint(hour, 120, 5, 6000, 60_000));
            StatsReport tens = history.query(hour, now, 10_000, now);
            StatsSeries service = tens.series().stream().filter(x -> x.realServer() == null).findFirst().orElseThrow();
            assertThat(service.points()).hasSize(6).allSatisfy(x -> assertThat(x.connections()).isEqualTo(20));
        }
    }

    @Test
    void storedPointsOlderThanTheirTierArePruned() throws Exception {
        try (AgentDatabase db = AgentDatabase.open(dir.resolve("s.db"))) {
            StatsHistory history = new StatsHistory(db);
            long t0 = 1_800_000_000_000L;
            StatsPoint p = new StatsPoint(t0, 1, 1, 1, 1);
            history.record(t0, p, Map.of(SERVICE, p));
            long later = t0 + StatsTier.SERVICE_10S.keepMillis + 60_000;
            history.record(later, p, Map.of(SERVICE, p));
            history.record(later + 10_000, p, Map.of(SERVICE, p));
            int rows = db.with(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM steps WHERE tier = 1")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(rows).isEqualTo(1);
        }
    }

    @Test
    void historyOfTenThousandRealServersProjectsUnderOneGibibyte() throws Exception {
        java.util.Random random = new java.util.Random(7);
        Map<SeriesKey, StatsPoint> points = new java.util.HashMap<>();
        long t0 = 1_800_000_000_000L;
        try (AgentDatabase db = AgentDatabase.open(dir.resolve("s.db"))) {
            StatsHistory history = new StatsHistory(db);
            int steps = 12;
            for (int step = 0; step <= steps; step++) {
                long at = t0 + step * 60_000L;
                points.clear();
                for (int s = 0; s < 1_000; s++) {
                    String service = "tcp/203.0.113." + (s % 250) + ":" + (1000 + s);
                    points.put(new SeriesKey(service, null), point(random, at));
                    for (int r = 0; r < 10; r++) {
                        points.put(new SeriesKey(service, "198.51.100." + r + ":80"), point(random, at));
                    }
                }
                history.record(at, point(random, at), points);
            }
            db.with(c -> c.createStatement().execute("PRAGMA wal_checkpoint(TRUNCATE)"));
            long bytes = java.nio.file.Files.size(dir.resolve("s.db"));
            // Stored so far: 12 steps of the 10 s and 1 min tiers, 2 of the 5 min tier, for 1,000 services / 10,000 servers.
            double perSeriesStep = (double) bytes / (12 * 1_000 + 12 * 10_000 + 2 * 1_000);
            double kept = 1_000.0 * 8_640 + 1_000.0 * 8_640 + 10_000.0 * 1_440 + 10_000.0 * 720;
            System.out.printf("stats history: %.1f bytes per series and step, %.0f MB projected%n", perSeriesStep, perSeriesStep * kept / 1e6);
            assertThat(perSeriesStep * kept).as("projected bytes at %.1f bytes per series and step", perSeriesStep)
                    .isLessThan(1024.0 * 1024 * 1024);
        }
    }

    private static StatsPoint point(java.util.Random random, long at) {
        return new StatsPoint(at, random.nextInt(50), random.nextInt(200), random.nextInt(500_000), random.nextInt(5_000_000));
    }
}
