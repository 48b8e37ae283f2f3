package io.ballast.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ballast.model.api.CounterSample;
import io.ballast.model.api.CounterSnapshot;
import io.ballast.model.api.Counters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateCalculatorTest {

    private static final String WEB = "tcp/203.0.113.10:80";
    private static final String RS = "198.51.100.21:80";

    private static CounterSnapshot at(long millis, long active, long conns, long pin, long pout, long bin, long bout) {
        return new CounterSnapshot(millis, List.of(new CounterSample(WEB, RS, new Counters(active, 0, conns, pin, pout, bin, bout))));
    }

    @Test
    void firstSnapshotGivesNoRatesBecauseThereIsNothingToCompareWith() {
        assertThat(new RateCalculator().accept(at(1_000, 5, 100, 0, 0, 0, 0))).isEmpty();
    }

    @Test
    void ratesAreDifferencesDividedByElapsedSeconds() {
        RateCalculator calculator = new RateCalculator();
        calculator.accept(at(1_000, 5, 100, 1_000, 800, 50_000, 400_000));
        Map<Scope, Rates> rates = calculator.accept(at(3_000, 7, 160, 1_400, 1_000, 70_000, 1_000_000));

        Rates r = rates.get(Scope.realServer(WEB, RS));
        assertThat(r.newConnections()).isCloseTo(30.0, within(1e-9));
        assertThat(r.activeConnections()).isEqualTo(7.0);
        assertThat(r.packets()).isCloseTo(300.0, within(1e-9));
        assertThat(r.bytesIn()).isCloseTo(10_000.0, within(1e-9));
        assertThat(r.bytesOut()).isCloseTo(300_000.0, within(1e-9));
    }

    @Test
    void counterThatWentBackwardsCountsFromZeroInsteadOfGoingNegative() {
        RateCalculator calculator = new RateCalculator();
        calculator.accept(at(1_000, 5, 10_000, 0, 0, 0, 0));
        Rates r = calculator.accept(at(2_000, 1, 40, 0, 0, 0, 0)).get(Scope.realServer(WEB, RS));
        assertThat(r.newConnections()).isEqualTo(40.0);
    }

    @Test
    void snapshotNotNewerThanThePreviousIsIgnored() {
        RateCalculator calculator = new RateCalculator();
        calculator.accept(at(2_000, 5, 100, 0, 0, 0, 0));
        assertThat(calculator.accept(at(2_000, 5, 150, 0, 0, 0, 0))).isEmpty();
        Rates r = calculator.accept(at(3_000, 5, 130, 0, 0, 0, 0)).get(Scope.realServer(WEB, RS));
        assertThat(r.newConnections()).isEqualTo(30.0);
    }
}
