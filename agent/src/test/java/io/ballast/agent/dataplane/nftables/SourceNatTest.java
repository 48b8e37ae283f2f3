package io.ballast.agent.dataplane.nftables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceNatTest {

    private static final List<InstalledService> WEB = List.of(new InstalledService(1, new VirtualService("web",
            Protocol.TCP, "203.0.113.10", 80, null, null, Scheduler.RR, Set.of(), null, ForwardingMethod.NAT, null,
            null, List.of(RealServer.of("rs1", "198.51.100.21", 80, 1)))));

    @Test
    void aPairWithAGatewayVipSourceNatsToItByDefaultInsteadOfMasquerading() throws DataPlaneException {
        SourceNat snat = SourceNat.fromSetting(null, "198.51.100.10/24,2001:db8:0:2::10");

        String table = new NftRulesetRenderer("ballast", snat, 1024).replaceTable(WEB, Map.of(), 1);

        assertThat(table).contains("ct status dnat ct original ip daddr @vip4 snat ip to 198.51.100.10")
                .contains("ct status dnat ct original ip6 daddr @vip6 snat ip6 to 2001:db8:0:2::10")
                .contains("ct status dnat meta mark @vipmark meta nfproto ipv4 snat ip to 198.51.100.10")
                .doesNotContain("masquerade");
    }

    @Test
    void withoutAGatewayVipTheDefaultStaysMasquerade() throws DataPlaneException {
        assertThat(SourceNat.fromSetting(null, null)).isEqualTo(SourceNat.MASQUERADE);
        assertThat(SourceNat.fromSetting(null, " ")).isEqualTo(SourceNat.MASQUERADE);
    }

    @Test
    void aFamilyWithoutAFloatingAddressIsMasqueradedAndTheDescriptionSaysSo() throws DataPlaneException {
        SourceNat snat = SourceNat.fromSetting("198.51.100.10", null);

        assertThat(snat.rules()).contains("ct status dnat ct original ip daddr @vip4 snat ip to 198.51.100.10",
                "ct status dnat ct original ip6 daddr @vip6 masquerade");
        assertThat(snat.describe()).contains("198.51.100.10").contains("masquerade for the other family");
    }

    @Test
    void noneLeavesTheSourceAlone() throws DataPlaneException {
        SourceNat snat = SourceNat.fromSetting("none", "198.51.100.10");

        assertThat(snat.rules()).isEmpty();
        assertThat(new NftRulesetRenderer("ballast", snat, 1024).replaceTable(WEB, Map.of(), 1))
                .doesNotContain("masquerade").doesNotContain(" snat ");
    }

    @Test
    void gatewayWithoutAGatewayVipIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> SourceNat.fromSetting("gateway", null))
                .isInstanceOf(DataPlaneException.class)
                .hasMessageContaining("no gateway VIP").hasMessageContaining("failover.gatewayVips");
    }

    @Test
    void aWordThatIsNoModeAndNoAddressIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> SourceNat.fromSetting("snat-to-vip", null))
                .hasMessageContaining("\"snat\" is 'snat-to-vip'; use masquerade, none, gateway or the floating address");
        assertThatThrownBy(() -> SourceNat.fromSetting(null, "198.51.100.10,gw"))
                .hasMessageContaining("\"gatewayVips\" is '198.51.100.10,gw'");
    }

    @Test
    void refreshingPostroutingFlushesAndRewritesThatChainAlone() throws DataPlaneException {
        String script = new NftRulesetRenderer("ballast", SourceNat.fromSetting("gateway", "198.51.100.10"), 1024)
                .refreshPostrouting();

        assertThat(script).startsWith("flush chain inet ballast postrouting\n");
        assertThat(script.lines().skip(1)).allSatisfy(line -> assertThat(line).startsWith(
                "add rule inet ballast postrouting "));
        assertThat(script).contains("@rsc4").contains("vmap @pst4").contains("snat ip to 198.51.100.10");
    }
}
