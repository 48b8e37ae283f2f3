package io.ballast.agent.failover.keepalived;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.ClusterSpec;
import io.ballast.model.json.SpecCodec;
import io.ballast.model.keepalived.KeepalivedVrrpRenderer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamlineLoopbackTest {

    @Test
    void streamlineNodesHoldTheVipsOfDirectRoutedServicesOnLoopback() throws Exception {
        ClusterSpec spec = spec("STREAMLINE", "dr", "");

        assertThat(StreamlineLoopback.vips(spec)).containsExactly("203.0.113.10");
    }

    @Test
    void natStreamlineAndHaPairNeedNoLoopbackVip() throws Exception {
        assertThat(StreamlineLoopback.vips(spec("STREAMLINE", "nat", ""))).isEmpty();
        assertThat(StreamlineLoopback.vips(spec("HA_PAIR", "dr", ""))).isEmpty();
    }

    @Test
    void gatewaySettingsPutTheGatewayVipOnTheRealServersNetwork() throws Exception {
        ClusterSpec spec = spec("HA_PAIR", "nat", ", \"gatewayVips\": [ \"198.51.100.10\" ]");
        KeepalivedSettings settings = KeepalivedSettings.from(Map.of("gatewayInterface", "eth1",
                "gatewaySourceAddress", "198.51.100.11", "gatewayPeers", "198.51.100.12, 198.51.100.13"));

        String conf = KeepalivedVrrpRenderer.render(spec, spec.directors().get(0), settings.options(Path.of("/run/x")));

        String gateway = conf.substring(conf.indexOf("vrrp_instance " + KeepalivedVrrpRenderer.GATEWAY_INSTANCE));
        assertThat(gateway).contains("interface eth1").contains("unicast_src_ip 198.51.100.11")
                .contains("198.51.100.12").contains("198.51.100.13").contains("198.51.100.10/32 dev eth1")
                .doesNotContain("203.0.113.12");
    }

    private static ClusterSpec spec(String form, String forwarding, String failoverExtra) throws Exception {
        return SpecCodec.read("""
                { "schemaVersion": 1, "name": "t", "form": "%s", "revision": 1,
                  "directors": [
                    { "id": "lb-a", "address": "203.0.113.11", "agentEndpoint": "https://192.0.2.11:9443", "priority": 150, "iface": "eth0" },
                    { "id": "lb-b", "address": "203.0.113.12", "agentEndpoint": "https://192.0.2.12:9443", "priority": 100, "iface": "eth0" } ],
                  "virtualServices": [ { "name": "web", "protocol": "TCP", "address": "203.0.113.10", "port": 80,
                      "scheduler": "rr", "forwarding": "%s", "realServers": [
                        { "name": "lb-a", "address": "203.0.113.11", "port": 80, "weight": 1 },
                        { "name": "lb-b", "address": "203.0.113.12", "port": 80, "weight": 1 } ] } ],
                  "failover": { "vrid": 62, "advertIntervalMs": 100, "preempt": true %s } }
                """.formatted(form, forwarding, failoverExtra));
    }
}
