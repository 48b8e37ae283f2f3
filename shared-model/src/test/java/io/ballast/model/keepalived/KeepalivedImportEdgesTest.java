package io.ballast.model.keepalived;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.FailoverSettings;
import io.ballast.model.keepalived.ImportIssue.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeepalivedImportEdgesTest {

    private static KeepalivedImport importText(String text) throws KeepalivedSyntaxException {
        return KeepalivedImporter.importConfig("keepalived.conf", text, IncludeResolver.NONE, ImportOptions.defaults());
    }

    private static final String VRRP = """
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 70
                priority 120
                unicast_src_ip 192.0.2.31
                unicast_peer {
                    192.0.2.32
                }
                virtual_ipaddress {
                    203.0.113.70
                }
            }
            """;

    @Test
    void directorThatIsAlsoARealServerMakesAStreamlineCluster() throws Exception {
        KeepalivedImport imported = importText(VRRP + """
                virtual_server 203.0.113.70 80 {
                    lvs_method DR
                    real_server 192.0.2.31 80 {
                    }
                    real_server 192.0.2.32 80 {
                    }
                }
                """);

        assertThat(imported.spec().form()).isEqualTo(ClusterForm.STREAMLINE);
        assertThat(imported.report().isClean()).as(imported.report().text()).isTrue();
    }

    @Test
    void duplicateServicesAndRealServersAreReportedAndTheFirstKept() throws Exception {
        KeepalivedImport imported = importText("""
                virtual_server 203.0.113.70 80 {
                    real_server 198.51.100.1 80 {
                        weight 2
                    }
                    real_server 198.51.100.1 80 {
                        weight 3
                    }
                }
                virtual_server 203.0.113.70 80 {
                }
                """);

        assertThat(imported.spec().virtualServices()).hasSize(1);
        assertThat(imported.spec().virtualServices().get(0).realServers()).singleElement()
                .satisfies(rs -> assertThat(rs.weight()).isEqualTo(2));
        assertThat(imported.report().ofKind(Kind.INVALID)).extracting(ImportIssue::line).containsExactly(5, 9);
    }

    @Test
    void badValuesAreReportedAndDefaultsKept() throws Exception {
        KeepalivedImport imported = importText("""
                virtual_server 203.0.113.70 80 {
                    lvs_sched fastest
                    real_server 198.51.100.1 80 {
                        weight heavy
                    }
                }
                virtual_server_group BIG {
                    203.0.113.0/16 80
                }
                virtual_server group BIG {
                }
                """);

        assertThat(imported.report().ofKind(Kind.INVALID)).extracting(ImportIssue::line).containsExactly(2, 4, 8);
        assertThat(imported.report().about("203.0.113.0/16").get(0).reason()).contains("65536 addresses");
        assertThat(imported.spec().virtualServices().get(0).realServers().get(0).weight()).isEqualTo(1);
    }

    @Test
    void groupUsedByTcpAndUdpServicesGivesBothAndReportsItsBadLineOnce() throws Exception {
        KeepalivedImport imported = importText("""
                virtual_server_group DNS {
                    203.0.113.53 53
                    not-an-address 53
                }
                virtual_server group DNS {
                    protocol TCP
                }
                virtual_server group DNS {
                    protocol UDP
                }
                vrrp_sync_group G {
                    group {
                        VI_MISSING
                    }
                }
                """);

        assertThat(imported.spec().virtualServices()).extracting(s -> s.key().toString())
                .containsExactly("tcp/203.0.113.53:53", "udp/203.0.113.53:53");
        assertThat(imported.report().ofKind(Kind.INVALID)).extracting(ImportIssue::line).containsExactly(3, 13);
    }

    @Test
    void secondUrlAndSecondCheckerAreReportedAsApproximations() throws Exception {
        KeepalivedImport imported = importText("""
                virtual_server 203.0.113.70 80 {
                    real_server 198.51.100.1 80 {
                        HTTP_GET {
                            url {
                                path /a
                            }
                            url {
                                path /b
                            }
                        }
                        TCP_CHECK {
                        }
                    }
                }
                """);

        assertThat(imported.spec().virtualServices().get(0).healthCheck().path()).isEqualTo("/a");
        assertThat(imported.report().ofKind(Kind.APPROXIMATED)).extracting(ImportIssue::line).containsExactly(7, 11);
    }

    @Test
    void includedFilesAreWrittenBackByName() throws Exception {
        InMemoryIncludeResolver resolver = new InMemoryIncludeResolver(Map.of(
                "/k/conf.d/web.conf", "virtual_server 203.0.113.70 80 {\n  real_server 198.51.100.1 80 {\n  }\n}\n"));
        ConfDocument root = new KeepalivedParser(resolver).parseDocument("/k/keepalived.conf", "include conf.d/*.conf\n");

        Map<String, String> files = KeepalivedWriter.writeIncluded(root);

        assertThat(KeepalivedWriter.write(root)).isEqualTo("include conf.d/*.conf\n");
        assertThat(files).containsOnlyKeys("/k/conf.d/web.conf");
        assertThat(KeepalivedParser.parse("/k/conf.d/web.conf", files.get("/k/conf.d/web.conf")))
                .isEqualTo(((ConfInclude) root.nodes().get(0)).documents().get(0));
    }

    @Test
    void vrrpForADirectorWithoutAVipOfItsFamilyIsRefused() {
        ClusterSpec v6only = new ClusterSpec(1, "v6", ClusterForm.HA_PAIR, 1,
                List.of(SampleCluster.directorA("eth0"), SampleCluster.directorB("eth0")),
                List.of(SampleCluster.services("/bin/true").get(4)),
                new FailoverSettings(51, 100, true, 0, List.of(), false, List.of()));

        assertThatThrownBy(() -> KeepalivedVrrpRenderer.render(v6only, v6only.directors().get(0),
                VrrpOptions.forAgent("/run/ballast")))
                .hasMessageStartingWith("instance ballast_vip would have no IPv4 address to advertise");
    }

    @Test
    void directorWithoutAddressIsRefused() {
        ClusterSpec spec = SampleCluster.haPair("eth0", "/bin/true");
        Director noAddress = new Director("lb-a", null, null, 150, "eth0");

        assertThatThrownBy(() -> KeepalivedVrrpRenderer.render(spec, noAddress, VrrpOptions.forAgent("/run/ballast")))
                .hasMessage("director lb-a needs its own IP address for unicast VRRP");
    }
}
