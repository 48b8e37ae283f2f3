package io.ballast.model.keepalived;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.FailoverSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeepalivedVrrpRendererTest {

    private final ClusterSpec spec = SampleCluster.haPair("eth0", "/bin/true");

    private ConfDocument render(ClusterSpec cluster, VrrpOptions options) throws KeepalivedSyntaxException {
        return KeepalivedParser.parse("rendered.conf",
                KeepalivedVrrpRenderer.render(cluster, cluster.directors().get(1), options));
    }

    private static ConfStatement block(ConfDocument document, String keyword, String name) {
        return document.nodes().stream().map(ConfStatement.class::cast)
                .filter(s -> s.keyword().equals(keyword) && (name == null || name.equals(s.arg(0))))
                .findFirst().orElseThrow(() -> new AssertionError("no " + keyword + " " + name));
    }

    @Test
    void renderingHasNoVirtualServer() throws Exception {
        String text = KeepalivedVrrpRenderer.render(spec, spec.directors().get(0), VrrpOptions.forAgent("/run/ballast"));

        assertThat(text).doesNotContain("virtual_server").doesNotContain("real_server").doesNotContain("_CHECK");
        assertThat(KeepalivedParser.parse("r.conf", text).nodes()).extracting(n -> ((ConfStatement) n).keyword())
                .containsExactly("global_defs", "track_file", "vrrp_sync_group", "vrrp_instance", "vrrp_instance");
    }

    @Test
    void globalDefsCarryVrrpV3TheFifoAndRealtimeOptions() throws Exception {
        ConfStatement global = block(render(spec, VrrpOptions.forAgent("/run/ballast/")), "global_defs", null);

        assertThat(global.children()).containsExactly(
                ConfStatement.of("router_id", "lb-b"),
                ConfStatement.of("vrrp_version", "3"),
                ConfStatement.of("vrrp_garp_master_delay", "1"),
                ConfStatement.of("notify_fifo", "/run/ballast/vrrp.fifo"),
                ConfStatement.of("vrrp_rt_priority", "50"),
                ConfStatement.of("vrrp_no_swap"));
    }

    @Test
    void vipInstanceHasTheDirectorsPriorityPeersAdvertAndTrackFile() throws Exception {
        ConfDocument document = render(spec, VrrpOptions.forAgent("/run/ballast"));
        ConfStatement instance = block(document, "vrrp_instance", KeepalivedVrrpRenderer.VIP_INSTANCE);

        assertThat(instance.children()).startsWith(
                ConfStatement.of("state", "BACKUP"),
                ConfStatement.of("interface", "eth0"),
                ConfStatement.of("virtual_router_id", "51"),
                ConfStatement.of("priority", "100"),
                ConfStatement.of("advert_int", "0.05"),
                ConfStatement.of("preempt_delay", "30"),
                ConfStatement.of("unicast_src_ip", "192.0.2.12"),
                ConfStatement.block("unicast_peer", List.of(), List.of(ConfStatement.of("192.0.2.11"))),
                ConfStatement.block("virtual_ipaddress", List.of(), List.of(
                        ConfStatement.of("203.0.113.10/32", "dev", "eth0"),
                        ConfStatement.of("203.0.113.20/32", "dev", "eth0"),
                        ConfStatement.of("203.0.113.30/32", "dev", "eth0"))),
                ConfStatement.block("virtual_ipaddress_excluded", List.of(), List.of(
                        ConfStatement.of("2001:db8:10::10/128", "dev", "eth0"))),
                ConfStatement.block("track_file", List.of(), List.of(
                        ConfStatement.of(KeepalivedVrrpRenderer.TRACK_FILE, "weight", "1"))));
        assertThat(block(document, "track_file", KeepalivedVrrpRenderer.TRACK_FILE).children())
                .contains(ConfStatement.of("file", "/run/ballast/vrrp.track"));
    }

    @Test
    void gatewayVipsMoveWithTheServiceVipsThroughOneSyncGroup() throws Exception {
        ConfDocument document = render(spec, VrrpOptions.forAgent("/run/ballast")
                .withGateway("eth1", "10.20.0.12", List.of("10.20.0.11")));

        ConfStatement group = block(document, "vrrp_sync_group", KeepalivedVrrpRenderer.SYNC_GROUP);
        assertThat(group.children()).containsExactly(
                ConfStatement.block("group", List.of(), List.of(ConfStatement.of("ballast_vip"), ConfStatement.of("ballast_gw"))),
                ConfStatement.of("sync_group_tracking_weight"));
        ConfStatement gateway = block(document, "vrrp_instance", KeepalivedVrrpRenderer.GATEWAY_INSTANCE);
        assertThat(gateway.children()).contains(
                ConfStatement.of("interface", "eth1"),
                ConfStatement.of("virtual_router_id", "52"),
                ConfStatement.of("unicast_src_ip", "10.20.0.12"),
                ConfStatement.block("unicast_peer", List.of(), List.of(ConfStatement.of("10.20.0.11"))),
                ConfStatement.block("virtual_ipaddress", List.of(), List.of(ConfStatement.of("10.20.0.1/24", "dev", "eth1"))));
    }

    @Test
    void withoutPreemptTheInstanceSaysNopreemptAndInterfaceOverrideApplies() throws Exception {
        FailoverSettings f = spec.failover();
        ClusterSpec noPreempt = new ClusterSpec(1, "shop", ClusterForm.HA_PAIR, 1, spec.directors(), spec.virtualServices(),
                new FailoverSettings(f.vrid(), 1000, false, 0, f.unicastPeers(), false, List.of()));

        ConfDocument document = render(noPreempt, VrrpOptions.forAgent("/run/ballast").withInterfaceOverride("bond0"));

        ConfStatement instance = block(document, "vrrp_instance", KeepalivedVrrpRenderer.VIP_INSTANCE);
        assertThat(instance.children()).contains(ConfStatement.of("nopreempt"), ConfStatement.of("advert_int", "1"),
                ConfStatement.of("interface", "bond0"));
        assertThat(instance.children()).noneMatch(n -> ((ConfStatement) n).keyword().equals("preempt_delay"));
        assertThat(document.nodes()).noneMatch(n -> ((ConfStatement) n).keyword().equals("vrrp_sync_group"));
    }

    @Test
    void advertIntervalHasCentisecondResolution() {
        assertThat(VrrpBlocks.advertInterval(50)).isEqualTo("0.05");
        assertThat(VrrpBlocks.advertInterval(1000)).isEqualTo("1");
        assertThat(VrrpBlocks.advertInterval(1230)).isEqualTo("1.23");
        assertThat(VrrpBlocks.advertInterval(3)).isEqualTo("0.01");
    }

    @Test
    void clusterWithoutFailoverIsRefusedWithASentence() {
        ClusterSpec single = new ClusterSpec(1, "solo", ClusterForm.SINGLE, 1, spec.directors(), List.of(), null);

        assertThatThrownBy(() -> KeepalivedVrrpRenderer.render(single, single.directors().get(0),
                VrrpOptions.forAgent("/run/ballast")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cluster solo has no failover settings, so no VRRP to render");
    }
}
