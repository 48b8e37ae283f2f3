package io.ballast.agent.failover.keepalived;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.keepalived.VrrpOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeepalivedSettingsTest {

    @Test
    void gatewayVipsGoOnTheRealServersNetworkWithTheirOwnAdvertAddresses() {
        VrrpOptions options = KeepalivedSettings.from(Map.of("gatewayInterface", "eth1",
                "gatewaySourceAddress", "198.51.100.11", "gatewayPeers", "198.51.100.12, 198.51.100.13"))
                .options(Path.of("/run/ballast"));

        assertThat(options.gatewayInterface()).isEqualTo("eth1");
        assertThat(options.gatewaySourceAddress()).isEqualTo("198.51.100.11");
        assertThat(options.gatewayPeers()).containsExactly("198.51.100.12", "198.51.100.13");
    }

    @Test
    void withoutGatewaySettingsTheGatewayInstanceFollowsTheVipInstance() {
        VrrpOptions options = KeepalivedSettings.from(Map.of()).options(Path.of("/run/ballast"));

        assertThat(options.gatewayInterface()).isNull();
        assertThat(options.gatewaySourceAddress()).isNull();
        assertThat(options.gatewayPeers()).isEqualTo(List.of());
    }
}
