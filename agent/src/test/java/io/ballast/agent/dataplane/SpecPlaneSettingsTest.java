package io.ballast.agent.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.agent.testsupport.Specs;
import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.FailoverSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecPlaneSettingsTest {

    private static ClusterSpec spec(ClusterForm form, List<String> gatewayVips) {
        ClusterSpec single = Specs.cluster(1, 2, 1);
        return new ClusterSpec(single.schemaVersion(), "pair", form, 1, single.directors(), single.virtualServices(),
                new FailoverSettings(51, 50, true, 0, List.of(), true, gatewayVips));
    }

    @Test
    void aPairsGatewayVipsReachThePlane() {
        Map<String, String> settings = SpecPlaneSettings.of(Map.of("table", "ballast"),
                spec(ClusterForm.HA_PAIR, List.of("198.51.100.10/24", "2001:db8:0:2::10")));

        assertThat(settings).containsEntry("gatewayVips", "198.51.100.10/24,2001:db8:0:2::10")
                .containsEntry("table", "ballast");
    }

    @Test
    void theAgentConfigWinsOverTheSpec() {
        Map<String, String> settings = SpecPlaneSettings.of(Map.of("gatewayVips", "198.51.100.99"),
                spec(ClusterForm.HA_PAIR, List.of("198.51.100.10")));

        assertThat(settings).containsEntry("gatewayVips", "198.51.100.99");
    }

    @Test
    void otherFormsAndPairsWithoutGatewayAddNothing() {
        assertThat(SpecPlaneSettings.of(Map.of(), spec(ClusterForm.STREAMLINE, List.of("198.51.100.10")))).isEmpty();
        assertThat(SpecPlaneSettings.of(Map.of(), spec(ClusterForm.HA_PAIR, List.of()))).isEmpty();
        assertThat(SpecPlaneSettings.of(Map.of(), Specs.cluster(1, 1, 1))).isEmpty();
    }
}
