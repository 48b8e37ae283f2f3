package io.ballast.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ballast.model.api.CounterSample;
import io.ballast.model.api.CounterSnapshot;
import io.ballast.model.api.Counters;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsViewModelTest {

    private static final String WEB = "tcp/203.0.113.10:80";
    private static final String API = "tcp/203.0.113.10:443";

    private static CounterSnapshot snapshot(long at, long webA, long webB, long api) {
        return new CounterSnapshot(at, List.of(
                new CounterSample(WEB, "198.51.100.21:80", conns(webA)),
                new CounterSample(WEB, "198.51.100.22:80", conns(webB)),
                new CounterSample(API, "198.51.100.31:443", conns(api)),
                new CounterSample(API, null, conns(api))));
    }

    private static Counters conns(long total) {
        return new Counters(total / 10, 0, total, total * 2, total * 2, total * 100, total * 1_000);
    }

    @Test
    void serviceWithoutTotalSampleIsTheSumOfItsRealServersAndClusterIsTheSumOfServices() {
        MetricsViewModel metrics = new MetricsViewModel();
        metrics.accept("lb-a", snapshot(10_000, 0, 0, 0));
        metrics.accept("lb-a", snapshot(11_000, 10, 20, 5));

        assertThat(metrics.latest(Scope.service(WEB)).newConnections()).isEqualTo(30.0);
        assertThat(metrics.latest(Scope.service(API)).newConnections()).isEqualTo(5.0);
        assertThat(metrics.latest(Scope.CLUSTER).newConnections()).isEqualTo(35.0);
        assertThat(metrics.latest(Scope.CLUSTER).bytesOut()).isEqualTo(35_000.0);
    }

    @Test
    void figuresOfBothDirectorsAreSummedAndAnUnreachableOneIsDropped() {
        MetricsViewModel metrics = new MetricsViewModel();
        metrics.accept("lb-a", snapshot(10_000, 0, 0, 0));
        metrics.accept("lb-b", snapshot(10_100, 0, 0, 0));
        metrics.accept("lb-a", snapshot(11_000, 10, 0, 0));
        metrics.accept("lb-b", snapshot(11_100, 4, 0, 0));
        metrics.accept("lb-a", snapshot(12_000, 20, 0, 0));
        assertThat(metrics.latest(Scope.service(WEB)).newConnections()).isCloseTo(14.0, within(1e-9));

        metrics.forget("lb-b");
        metrics.accept("lb-a", snapshot(13_000, 30, 0, 0));
        assertThat(metrics.latest(Scope.service(WEB)).newConnections()).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void seriesStaysBoundedAtFifteenMinutesOfSecondsAndAnHourOfTenSecondAverages() {
        ScopeHistory history = new ScopeHistory();
        for (int s = 0; s < 2 * 3600; s++) {
            history.add(s * 1000L, new Rates(s, 0, 0, 0, 0));
        }
        assertThat(history.finePoints()).isEqualTo(ScopeHistory.FINE_POINTS);
        assertThat(history.coarsePoints()).isEqualTo(ScopeHistory.COARSE_POINTS);

        long now = (2 * 3600 - 1) * 1000L;
        List<ScopeHistory.Point> five = history.points(Metric.NEW_CONNECTIONS, TimeWindow.FIVE_MINUTES, now);
        assertThat(five).hasSize(301);
        assertThat(five.get(five.size() - 1).value()).isEqualTo(7199f);

        List<ScopeHistory.Point> hour = history.points(Metric.NEW_CONNECTIONS, TimeWindow.SIXTY_MINUTES, now);
        assertThat(hour.size()).isBetween(360, 362);
        // a 10-second bucket holds the mean of its seconds: 7180..7189 → 7184.5
        assertThat(hour.get(hour.size() - 2).value()).isEqualTo(7184.5f);
    }

    @Test
    void fifteenMinuteWindowUsesEverySecond() {
        ScopeHistory history = new ScopeHistory();
        for (int s = 0; s < 1200; s++) {
            history.add(s * 1000L, new Rates(1, 0, 0, 0, 0));
        }
        assertThat(history.points(Metric.NEW_CONNECTIONS, TimeWindow.FIFTEEN_MINUTES, 1_199_000L)).hasSize(900);
    }

    @Test
    void selectedScopeDecidesWhichSeriesTheChartGets() {
        MetricsViewModel metrics = new MetricsViewModel();
        for (int s = 0; s < 5; s++) {
            metrics.accept("lb-a", snapshot(10_000 + s * 1000L, s * 10L, s * 20L, s));
        }
        assertThat(metrics.series(Metric.NEW_CONNECTIONS)).extracting(ScopeHistory.Point::value).containsOnly(31f);
        metrics.selectedScopeProperty().set(Scope.realServer(WEB, "198.51.100.22:80"));
        assertThat(metrics.series(Metric.NEW_CONNECTIONS)).extracting(ScopeHistory.Point::value).containsOnly(20f);
    }
}
