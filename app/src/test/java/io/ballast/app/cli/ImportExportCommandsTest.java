package io.ballast.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.RealServer;
import io.ballast.model.json.SpecCodec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportExportCommandsTest {

    private static final String DIRECTOR_A = """
            global_defs {
               router_id lb-a
            }
            vrrp_instance VI_1 {
                state BACKUP
                interface eth0
                virtual_router_id 51
                priority 150
                advert_int 1
                unicast_src_ip 192.0.2.11
                unicast_peer {
                    192.0.2.12
                }
                virtual_ipaddress {
                    203.0.113.10/32 dev eth0
                }
            }
            include conf.d/*.conf
            """;

    private static final String WEB = """
            virtual_server 203.0.113.10 80 {
                lvs_sched wlc
                lvs_method NAT
                protocol TCP
                real_server 198.51.100.21 80 {
                    weight 5
                    TCP_CHECK {
                        connect_timeout 2
                    }
                }
                real_server 198.51.100.22 80 {
                    weight 5
                    TCP_CHECK {
                        connect_timeout 2
                    }
                }
            }
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int ballast(String... args) {
        return BallastCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aKeepalivedConfWithIncludesBecomesOneClusterOnStdout() throws Exception {
        Path conf = keepalived(DIRECTOR_A, WEB);

        int exit = ballast("import", conf.toString());

        assertThat(exit).as(err.toString()).isEqualTo(0);
        JsonNode spec = json(out.toString());
        assertThat(spec.get("name").asText()).isEqualTo("lb-a");
        assertThat(spec.get("virtualServices")).hasSize(1);
        JsonNode web = spec.get("virtualServices").get(0);
        assertThat(web.get("address").asText()).isEqualTo("203.0.113.10");
        assertThat(web.get("realServers").findValuesAsText("address")).containsExactly("198.51.100.21", "198.51.100.22");
        assertThat(spec.get("failover").get("vrid").asInt()).isEqualTo(51);
        // The file knows no agent endpoint or peer director: the operator is told what to add.
        assertThat(err.toString()).contains("does not validate yet: /directors/0/agentEndpoint");
    }

    @Test
    void unmappedLinesGoToStderrWithTheirLineAndExitOne() throws Exception {
        Path conf = keepalived(DIRECTOR_A.replace("   router_id lb-a\n",
                "   router_id lb-a\n   smtp_server 192.0.2.25\n"), WEB);

        int exit = ballast("import", conf.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(json(out.toString()).get("virtualServices")).hasSize(1);
        assertThat(err.toString()).contains("keepalived.conf line 3: smtp_server");
    }

    @Test
    void aSyntaxErrorInAnIncludedFileNamesFileAndLineAndPrintsNoSpec() throws Exception {
        Path conf = keepalived(DIRECTOR_A, WEB + "}\n");

        int exit = ballast("import", conf.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("conf.d/web.conf line 18: '}' without an opening '{'").doesNotContain("Exception");
    }

    @Test
    void ipvsadmSaveOutputIsRecognisedByItsContent() throws Exception {
        Path save = Files.writeString(dir.resolve("rules.txt"), """
                -A -t 203.0.113.10:80 -s wlc
                -a -t 203.0.113.10:80 -r 198.51.100.1:8080 -m -w 3
                -a -t 203.0.113.10:80 -r 198.51.100.2:8080 -m -w 1
                """);

        int exit = ballast("import", "--name", "edge", save.toString());

        assertThat(exit).as(err.toString()).isEqualTo(0);
        ClusterSpec spec = SpecCodec.read(out.toString());
        assertThat(spec.name()).isEqualTo("edge");
        assertThat(spec.form()).isEqualTo(ClusterForm.SINGLE);
        assertThat(spec.virtualServices().get(0).realServers()).extracting(RealServer::weight).containsExactly(3, 1);
        assertThat(err.toString()).contains("names no director");
    }

    @Test
    void aBadIpvsadmLineIsReportedWithItsNumber() throws Exception {
        Path save = Files.writeString(dir.resolve("rules.txt"), """
                -A -t 203.0.113.10:80 -s wlc
                -a -t 203.0.113.10:80 -r 198.51.100.1:8080 -m -w lots
                """);

        assertThat(ballast("import", save.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("rules.txt line 2");
    }

    @Test
    void exportWritesAKeepalivedConfThatImportsBackToTheSameServices() throws Exception {
        ClusterSpec spec = CliSpecs.haPair(List.of(RealServer.of("web-1", "198.51.100.21", 80, 5),
                RealServer.of("web-2", "198.51.100.22", 80, 3)));
        Path file = CliSpecs.write(dir, "shop.json", spec);

        int exit = ballast("export", "--format", "keepalived", "--director", "lb-a", file.toString());

        assertThat(exit).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("virtual_server ").contains("vrrp_instance");
        Path exported = Files.writeString(dir.resolve("exported.conf"), out.toString());
        out.getBuffer().setLength(0);
        ballast("import", exported.toString());
        JsonNode back = json(out.toString()).get("virtualServices").get(0).get("realServers");
        assertThat(back.findValuesAsText("address")).containsExactly("198.51.100.21", "198.51.100.22");
        assertThat(back.findValues("weight")).extracting(JsonNode::asInt).containsExactly(5, 3);
    }

    @Test
    void exportToKeepalivedOfAPairNeedsTheDirector() throws Exception {
        Path file = CliSpecs.write(dir, "shop.json", CliSpecs.haPair(List.of(RealServer.of("web-1", "198.51.100.21", 80, 5))));

        assertThat(ballast("export", "--format", "keepalived", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("name the one the keepalived.conf is for with --director");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void exportAsJsonIsTheNormalisedSpec() throws Exception {
        ClusterSpec spec = CliSpecs.haPair(List.of(RealServer.of("web-1", "198.51.100.21", 80, 5)));
        Path file = CliSpecs.write(dir, "shop.json", spec);

        assertThat(ballast("export", "--format", "json", file.toString())).isEqualTo(0);
        assertThat(SpecCodec.read(out.toString())).isEqualTo(spec);
    }

    @Test
    void anInvalidSpecIsNotExported() throws Exception {
        Path file = CliSpecs.write(dir, "bad.json", CliSpecs.haPair(List.of(RealServer.of("web-1", "198.51.100.21", 80, 70000))));

        assertThat(ballast("export", "--format", "json", file.toString())).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("/realServers/0/weight");
    }

    private static JsonNode json(String text) throws IOException {
        return SpecCodec.mapper().readTree(text);
    }

    private Path keepalived(String main, String web) throws IOException {
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(dir.resolve("conf.d/web.conf"), web);
        return Files.writeString(dir.resolve("keepalived.conf"), main);
    }
}
