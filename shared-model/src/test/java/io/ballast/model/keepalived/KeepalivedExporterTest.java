package io.ballast.model.keepalived;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.model.AdminState;
import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeepalivedExporterTest {

    private final ClusterSpec spec = SampleCluster.haPair("eth0", "/usr/lib/ballast/check-dns");

    private KeepalivedImport reimport(String text) throws KeepalivedSyntaxException {
        return KeepalivedImporter.importConfig("exported.conf", text, IncludeResolver.NONE, ImportOptions.defaults());
    }

    @Test
    void exportThenImportGivesTheSameVirtualServices() throws Exception {
        String text = KeepalivedExporter.export(spec, SampleCluster.directorA("eth0"));

        KeepalivedImport back = reimport(text);

        assertThat(back.spec().virtualServices()).containsExactlyElementsOf(spec.virtualServices());
        assertThat(back.report().ofKind(ImportIssue.Kind.UNSUPPORTED)).isEmpty();
        assertThat(back.report().ofKind(ImportIssue.Kind.INVALID)).isEmpty();
    }

    @Test
    void exportThenImportKeepsTheDirectorAndFailover() throws Exception {
        KeepalivedImport back = reimport(KeepalivedExporter.export(spec, SampleCluster.directorA("eth0")));

        assertThat(back.spec().form()).isEqualTo(ClusterForm.HA_PAIR);
        assertThat(back.spec().failover()).isEqualTo(spec.failover());
        assertThat(back.spec().directors()).containsExactly(new Director("lb-a", "192.0.2.11", null, 150, "eth0"));
    }

    @Test
    void exportHasEveryBlockOfAFullConfiguration() throws Exception {
        ConfDocument document = KeepalivedParser.parse("exported.conf",
                KeepalivedExporter.export(spec, SampleCluster.directorB("eth0")));

        assertThat(document.nodes()).extracting(n -> ((ConfStatement) n).keyword()).containsExactly(
                "global_defs", "vrrp_sync_group", "vrrp_instance", "vrrp_instance",
                "virtual_server", "virtual_server", "virtual_server", "virtual_server", "virtual_server", "virtual_server");
        ConfStatement global = (ConfStatement) document.nodes().get(0);
        assertThat(global.children()).contains(ConfStatement.of("router_id", "lb-b"),
                ConfStatement.of("lvs_sync_daemon", "eth0", "inst", "ballast_vip"));
        ConfStatement instance = (ConfStatement) document.nodes().get(2);
        assertThat(instance.children()).contains(ConfStatement.of("priority", "100"),
                ConfStatement.of("unicast_src_ip", "192.0.2.12"));
    }

    @Test
    void whatKeepalivedCannotHoldIsListedInTheHeader() {
        VirtualService web = spec.virtualServices().get(0);
        VirtualService named = new VirtualService("web", web.protocol(), web.address(), web.port(), null, null,
                web.scheduler(), web.schedulerFlags(), web.persistence(), web.forwarding(), web.sorryServer(),
                web.healthCheck(), List.of(web.realServers().get(0).withState(AdminState.DRAIN),
                web.realServers().get(1)));
        ClusterSpec edited = spec.withVirtualServices(List.of(named));

        String text = KeepalivedExporter.export(edited, SampleCluster.directorA("eth0"));

        assertThat(text).contains("#   tcp/203.0.113.10:80 was named 'web'",
                "#   tcp/203.0.113.10:80 -> 198.51.100.1:8080 is in drain: written with weight 0 (its weight was 3)");
        assertThat(text).contains("real_server 198.51.100.1 8080 {\n        weight 0\n");
    }

    @Test
    void singleClusterIsExportedWithoutVrrp() throws Exception {
        ClusterSpec single = new ClusterSpec(1, "solo", ClusterForm.SINGLE, 1,
                List.of(new Director("lb-solo", null, null, 100, null)), spec.virtualServices(), null);

        String text = KeepalivedExporter.export(single, single.directors().get(0));

        assertThat(text).doesNotContain("vrrp_instance").contains("SINGLE: no VRRP");
        assertThat(reimport(text).spec().form()).isEqualTo(ClusterForm.SINGLE);
        assertThat(reimport(text).spec().virtualServices()).containsExactlyElementsOf(spec.virtualServices());
    }

    @Test
    void directorWithoutPeerIsRefusedWithASentence() {
        ClusterSpec lonely = new ClusterSpec(1, "x", ClusterForm.HA_PAIR, 1, List.of(SampleCluster.directorA("eth0")),
                List.of(), new io.ballast.model.FailoverSettings(51, 100, true, 0, List.of(), false, List.of()));

        assertThatThrownBy(() -> KeepalivedExporter.export(lonely, SampleCluster.directorA("eth0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("director lb-a has no VRRP peer: add the other director or a unicast peer");
    }

    @Test
    void realServerNamesAreNotCarriedButTheServerIs() throws Exception {
        VirtualService web = spec.virtualServices().get(3);
        RealServer named = new RealServer("dns-1", "198.51.100.5", 53, 1, null, 0, 0, null, null);
        ClusterSpec edited = spec.withVirtualServices(List.of(web.withRealServers(List.of(named))));

        KeepalivedImport back = reimport(KeepalivedExporter.export(edited, SampleCluster.directorA("eth0")));

        assertThat(back.spec().virtualServices().get(0).realServers()).containsExactly(
                RealServer.of(null, "198.51.100.5", 53, 1));
    }
}
