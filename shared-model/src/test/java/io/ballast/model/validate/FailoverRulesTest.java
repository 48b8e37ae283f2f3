package io.ballast.model.validate;

import static io.ballast.model.validate.Fixtures.paths;
import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.ClusterSpec;
import io.ballast.model.FailoverSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failover settings fit VRRPv3: ids, centisecond advert intervals, literal peers and gateway VIPs. */
class FailoverRulesTest {

    private static ClusterSpec with(int vrid, int advertMs, int preemptDelay, List<String> peers, List<String> gateways) {
        return Fixtures.withFailover(Fixtures.haPair(),
                new FailoverSettings(vrid, advertMs, true, preemptDelay, peers, true, gateways));
    }

    @Test
    void vridRunsFromOneTo255() {
        assertThat(paths(with(0, 100, 0, List.of(), List.of()))).containsExactly("/failover/vrid");
        assertThat(paths(with(256, 100, 0, List.of(), List.of()))).containsExactly("/failover/vrid");
        assertThat(paths(with(255, 100, 0, List.of(), List.of()))).isEmpty();
    }

    @Test
    void advertIntervalRunsFromTenMillisecondsTo255Seconds() {
        assertThat(paths(with(51, 0, 0, List.of(), List.of()))).containsExactly("/failover/advertIntervalMs");
        assertThat(paths(with(51, 255_010, 0, List.of(), List.of()))).containsExactly("/failover/advertIntervalMs");
        assertThat(paths(with(51, 10, 0, List.of(), List.of()))).isEmpty();
    }

    @Test
    void advertIntervalIsAWholeNumberOfCentiseconds() {
        assertThat(Validator.validate(with(51, 105, 0, List.of(), List.of()))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/failover/advertIntervalMs");
            assertThat(p.message()).contains("multiple of 10").contains("centiseconds");
        });
    }

    @Test
    void preemptDelayRunsFromZeroTo1000Seconds() {
        assertThat(paths(with(51, 100, 1001, List.of(), List.of()))).containsExactly("/failover/preemptDelaySeconds");
        assertThat(paths(with(51, 100, -1, List.of(), List.of()))).containsExactly("/failover/preemptDelaySeconds");
    }

    @Test
    void unicastPeersAndGatewayVipsAreLiterals() {
        ClusterSpec spec = with(51, 100, 0, List.of("192.0.2.12", "lb-b.example.com"), List.of("gateway", "2001:db8::1"));

        assertThat(paths(spec)).containsExactly("/failover/unicastPeers/1", "/failover/gatewayVips/0");
    }
}
