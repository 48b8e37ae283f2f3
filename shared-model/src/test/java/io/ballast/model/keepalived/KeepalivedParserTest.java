package io.ballast.model.keepalived;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeepalivedParserTest {

    private static ConfStatement first(ConfDocument document) {
        return (ConfStatement) document.nodes().get(0);
    }

    @Test
    void blocksStatementsAndLinesAreKept() throws Exception {
        ConfDocument document = KeepalivedParser.parse("keepalived.conf", """
                ! Configuration File for keepalived
                global_defs {
                   router_id lb-a   # the director
                }

                vrrp_instance VI_1
                {
                    priority 150
                    unicast_peer { 192.0.2.12 }
                }
                """);

        assertThat(document.nodes()).hasSize(2);
        ConfStatement global = first(document);
        assertThat(global.keyword()).isEqualTo("global_defs");
        assertThat(global.source()).isEqualTo(new ConfSource("keepalived.conf", 2));
        ConfStatement routerId = (ConfStatement) global.children().get(0);
        assertThat(routerId.text()).isEqualTo("router_id lb-a");
        assertThat(routerId.source().line()).isEqualTo(3);

        ConfStatement instance = (ConfStatement) document.nodes().get(1);
        assertThat(instance.block()).isTrue();
        assertThat(instance.args()).containsExactly("VI_1");
        assertThat(instance.source().line()).isEqualTo(6);
        ConfStatement peers = (ConfStatement) instance.children().get(1);
        assertThat(peers.children()).containsExactly(ConfStatement.of("192.0.2.12"));
    }

    @Test
    void quotedPartsJoinTheWordAroundThemAndKeepCommentCharacters() throws Exception {
        ConfDocument document = KeepalivedParser.parse("k.conf", """
                misc_path "/usr/local/bin/check 'a b' #1" x
                notify abcd" efg h jkl "mnop
                name 'say \\"hi\\"\\tnow'
                """);

        assertThat(((ConfStatement) document.nodes().get(0)).args())
                .containsExactly("/usr/local/bin/check 'a b' #1", "x");
        assertThat(((ConfStatement) document.nodes().get(1)).args()).containsExactly("abcd efg h jkl mnop");
        assertThat(((ConfStatement) document.nodes().get(2)).args()).containsExactly("say \"hi\"\tnow");
    }

    @Test
    void conditionalPrefixIsKeptOnTheStatement() throws Exception {
        ConfDocument document = KeepalivedParser.parse("k.conf", """
                global_defs {
                    @main router_id main_router
                    @^backup router_id other
                }
                """);

        List<ConfNode> children = first(document).children();
        assertThat(((ConfStatement) children.get(0)).condition()).isEqualTo("main");
        assertThat(((ConfStatement) children.get(1)).condition()).isEqualTo("^backup");
        assertThat(((ConfStatement) children.get(1)).text()).isEqualTo("router_id other");
    }

    @Test
    void definitionsIncludingMultiLineOnesBecomeDefinitionNodes() throws Exception {
        ConfDocument document = KeepalivedParser.parse("k.conf", """
                $PRIO=150
                $RS= \\
                real_server 192.0.2.${N} 80 { \\
                   weight 1 \\
                }
                vrrp_instance VI_1 {
                    priority $PRIO
                }
                """);

        assertThat(document.nodes().get(0)).isEqualTo(new ConfDefinition("PRIO", List.of("150"), null));
        ConfDefinition multi = (ConfDefinition) document.nodes().get(1);
        assertThat(multi.lines()).hasSize(4);
        assertThat(multi.lines().get(3)).isEqualTo("}");
        assertThat(((ConfStatement) document.nodes().get(2)).source().line()).isEqualTo(6);
    }

    @Test
    void closingBraceWithoutOpeningOneNamesTheLine() {
        assertThatThrownBy(() -> KeepalivedParser.parse("keepalived.conf", "global_defs {\n router_id a\n}\n}\n"))
                .isInstanceOf(KeepalivedSyntaxException.class)
                .hasMessage("keepalived.conf line 4: '}' without an opening '{'");
    }

    @Test
    void unterminatedQuotedStringNamesTheLine() {
        assertThatThrownBy(() -> KeepalivedParser.parse("keepalived.conf",
                "virtual_server 192.0.2.10 80 {\n\n\n\n\n   quorum_up \"/bin/true\n}\n"))
                .isInstanceOf(KeepalivedSyntaxException.class)
                .hasMessageStartingWith("keepalived.conf line 6: unterminated quoted string");
    }

    @Test
    void unclosedBlockNamesWhereItOpened() {
        assertThatThrownBy(() -> KeepalivedParser.parse("keepalived.conf",
                "global_defs {\n}\nvrrp_instance VI_1 {\n  virtual_ipaddress {\n    192.0.2.1\n  }\n"))
                .isInstanceOf(KeepalivedSyntaxException.class)
                .hasMessage("keepalived.conf line 3: the block 'vrrp_instance VI_1' opened here is never closed (missing '}')");
    }

    @Test
    void braceWithoutKeywordIsRefused() {
        assertThatThrownBy(() -> KeepalivedParser.parse("k.conf", "{\n}\n"))
                .hasMessage("k.conf line 1: '{' does not follow a keyword that could open a block");
    }

    @Test
    void includeWithoutResolverIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> KeepalivedParser.parse("k.conf", "global_defs {\n}\ninclude conf.d/*.conf\n"))
                .hasMessageStartingWith("k.conf line 3: include 'conf.d/*.conf' could not be read");
    }

    @Test
    void includesFollowGlobsRelativeToTheIncludingFileInNameOrder() throws Exception {
        InMemoryIncludeResolver resolver = new InMemoryIncludeResolver(Map.of(
                "/etc/keepalived/conf.d/20-web.conf", "virtual_server 192.0.2.10 80 {\n}\n",
                "/etc/keepalived/conf.d/10-dns.conf", "virtual_server 192.0.2.10 53 {\n  include ../rs/{dns,ntp}.inc\n}\n",
                "/etc/keepalived/conf.d/readme.txt", "not included",
                "/etc/keepalived/rs/dns.inc", "real_server 198.51.100.1 53 {\n}\n",
                "/etc/keepalived/rs/ntp.inc", "real_server 198.51.100.2 53 {\n}\n"));

        ConfDocument document = new KeepalivedParser(resolver).parseDocument("/etc/keepalived/keepalived.conf",
                "global_defs {\n}\ninclude conf.d/*.conf\n");

        ConfInclude include = (ConfInclude) document.nodes().get(1);
        assertThat(include.documents()).extracting(ConfDocument::name)
                .containsExactly("/etc/keepalived/conf.d/10-dns.conf", "/etc/keepalived/conf.d/20-web.conf");
        ConfStatement dns = (ConfStatement) include.documents().get(0).nodes().get(0);
        ConfInclude nested = (ConfInclude) dns.children().get(0);
        assertThat(nested.documents()).extracting(ConfDocument::name)
                .containsExactly("/etc/keepalived/rs/dns.inc", "/etc/keepalived/rs/ntp.inc");
        assertThat(nested.documents().get(1).nodes().get(0).source())
                .isEqualTo(new ConfSource("/etc/keepalived/rs/ntp.inc", 1));
    }

    @Test
    void errorInAnIncludedFileNamesThatFile() {
        InMemoryIncludeResolver resolver = new InMemoryIncludeResolver(Map.of(
                "/etc/keepalived/conf.d/web.conf", "virtual_server 192.0.2.10 80 {\n  real_server 198.51.100.1 80 {\n}\n"));

        assertThatThrownBy(() -> new KeepalivedParser(resolver).parseDocument("/etc/keepalived/keepalived.conf",
                "include conf.d/*.conf\n"))
                .hasMessage("/etc/keepalived/conf.d/web.conf line 1: the block 'virtual_server 192.0.2.10 80' opened here"
                        + " is never closed (missing '}')");
    }

    @Test
    void includeCycleIsRefused() {
        InMemoryIncludeResolver resolver = new InMemoryIncludeResolver(Map.of(
                "/k/a.conf", "include b.conf\n", "/k/b.conf", "include a.conf\n"));

        assertThatThrownBy(() -> new KeepalivedParser(resolver).parseDocument("/k/a.conf", "include b.conf\n"))
                .hasMessageContaining("/k/b.conf line 1: include 'a.conf' leads back to a file that is already being read"
                        + " (/k/a.conf → /k/b.conf → /k/a.conf)");
    }

    @Test
    void writtenTreeParsesBackToTheSameTree() throws Exception {
        String text = """
                # header
                global_defs {
                  router_id "lb a"
                  @main notification_email { ops@example.org }
                }
                $X=1
                virtual_server 2001:db8::10 443 { real_server 2001:db8::21 443 {
                  MISC_CHECK { misc_path "/bin/check '#1' \\"x\\"" }
                } }
                empty {
                }
                weird "" "{" "@x" '!'
                """;
        ConfDocument parsed = KeepalivedParser.parse("k.conf", text);

        String written = KeepalivedWriter.write(parsed);
        ConfDocument reparsed = KeepalivedParser.parse("k.conf", written);

        assertThat(reparsed).isEqualTo(parsed);
        assertThat(KeepalivedWriter.write(reparsed)).isEqualTo(written);
        assertThat(written).contains("""
                virtual_server 2001:db8::10 443 {
                    real_server 2001:db8::21 443 {
                        MISC_CHECK {
                """);
    }

    @Test
    void treesThatSayDifferentThingsAreNotEqual() throws Exception {
        assertThat(KeepalivedParser.parse("k.conf", "a { b 1 }\n"))
                .isNotEqualTo(KeepalivedParser.parse("k.conf", "a { b 2 }\n"));
        assertThat(KeepalivedParser.parse("k.conf", "a {\n}\n"))
                .isNotEqualTo(KeepalivedParser.parse("k.conf", "a\n"));
    }
}
