package io.ballast.agent.dataplane.nftables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.dataplane.DataPlaneProvider;
import io.ballast.agent.dataplane.PlaneOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NftablesProviderTest {

    @TempDir
    Path state;

    @Test
    void agentFindsThePlaneByItsName() {
        assertThat(ServiceLoader.load(DataPlaneProvider.class).stream().map(p -> p.get().name()))
                .contains("nftables");
    }

    @Test
    void tableNameThatNftWouldMisreadIsRefusedWithTheSetting() {
        assertThatThrownBy(() -> new NftablesProvider().open(options(Map.of("table", "my table; flush ruleset"))))
                .isInstanceOf(DataPlaneException.class)
                .hasMessageContaining("setting \"table\"");
    }

    @Test
    void unknownSnatModeIsRefused() {
        assertThatThrownBy(() -> new NftablesProvider().open(options(Map.of("snat", "snat-to-vip"))))
                .hasMessageContaining("\"snat\" is 'snat-to-vip'; use masquerade, none, gateway");
    }

    @Test
    void connectionSyncWithMasqueradeIsRefusedBeforeConntrackdStarts() {
        assertThatThrownBy(() -> new NftablesProvider().open(options(Map.of("snat", "masquerade",
                "conntrackd.peer", "192.0.2.12", "conntrackd.local", "192.0.2.11", "conntrackd.interface", "eth2"))))
                .isInstanceOf(DataPlaneException.class)
                .hasMessageContaining("cannot keep NATed connections across a failover")
                .hasMessageContaining("failover.gatewayVips");
        assertThat(state.resolve("conntrackd-d1")).doesNotExist();
    }

    @Test
    void missingNftBinaryIsASentenceNotAStackTrace() {
        assertThatThrownBy(() -> new NftablesProvider().open(options(Map.of("nft", "/nonexistent/nft"))))
                .isInstanceOf(DataPlaneException.class)
                .hasMessageContaining("/nonexistent/nft");
    }

    @Test
    void conntrackdSettingsAreCheckedBeforeAnythingStarts() {
        assertThatThrownBy(() -> NftablesProvider.conntrackdConfig(options(Map.of("conntrackd.peer", "lb-b",
                "conntrackd.local", "192.0.2.11", "conntrackd.interface", "sync"))))
                .hasMessageContaining("'lb-b' is not an IP address");
    }

    @Test
    void capabilitiesSayWhatIsRefusedAndWhy() {
        var capabilities = NftCapabilities.capabilities();

        assertThat(capabilities.plane()).isEqualTo("nftables");
        assertThat(capabilities.lab()).isFalse();
        assertThat(capabilities.note()).contains("live connection counts").contains("IPVS plane").contains("NAT only");
    }

    private PlaneOptions options(Map<String, String> settings) {
        return new PlaneOptions("d1", state, settings);
    }
}
