package io.ballast.model.keepalived;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever text arrives, the grammar answers with a tree or a {@link KeepalivedSyntaxException},
 * never another exception; a tree survives writing and reading back; the importers never throw on
 * content.
 */
class KeepalivedGrammarProperties {

    private static final IncludeResolver RESOLVER = new InMemoryIncludeResolver(Map.of(
            "/k/a.conf", "real_server 198.51.100.1 80 {\n  weight 2\n  TCP_CHECK {\n  }\n}\n",
            "/k/b.conf", "include main.conf\n",
            "/k/c.conf", "global_defs {\n"));

    @Provide
    Arbitrary<String> configs() {
        return Arbitraries.of("global_defs", "vrrp_instance", "vrrp_sync_group", "group", "virtual_server", "real_server",
                        "virtual_server_group", "{", "}", "\"", "'", "#", "!", "@main", "@^x", "$X=1", "$Y= \\", "${X}",
                        "include a.conf", "include b.conf", "include c.conf", "include *.conf", "\\", "\n", "\n", " ", " ",
                        "\t", "192.0.2.1", "80", "weight", "TCP_CHECK", "HTTP_GET", "SSL_GET", "MISC_CHECK", "url", "path",
                        "/x", "fwmark", "7", "status_code", "200-299", "misc_path", "lvs_sched", "sh", "flag-1",
                        "virtual_ipaddress", "virtual_ipaddress_excluded", "unicast_peer", "unicast_src_ip", "priority",
                        "advert_int", "0.05", "virtual_router_id", "51", "abc\"def", "\\x4142434445", "\\c", "\\101",
                        "2001:db8::1", "203.0.113.1-5", "10.0.0.0/30", "persistence_timeout", "sorry_server",
                        "inhibit_on_failure", "-1", "99999999999", "SMTP_CHECK", "router_id", "nopreempt", "preempt_delay",
                        "1.5", "~SEQ(a,1,3)", "retry", "connect_port", "delay_loop", "protocol", "UDP", "lvs_method",
                        "TUN", "uthreshold")
                .list().ofMaxSize(80).map(words -> String.join("", words));
    }

    @Property(tries = 400)
    void parsingGivesATreeOrASyntaxErrorAndTreesRoundTrip(@ForAll("configs") String text) {
        ConfDocument document;
        try {
            document = new KeepalivedParser(RESOLVER).parseDocument("/k/main.conf", text);
        } catch (KeepalivedSyntaxException e) {
            Statistics.collect("syntax error");
            assertThat(e.getMessage()).startsWith(e.file() + " line " + e.line() + ": ");
            return;
        }
        Statistics.collect(document.nodes().isEmpty() ? "empty tree" : "tree");
        String written = KeepalivedWriter.write(document);
        ConfDocument reread;
        try {
            reread = new KeepalivedParser(RESOLVER).parseDocument("/k/main.conf", written);
        } catch (KeepalivedSyntaxException e) {
            throw new AssertionError("written text does not parse: " + e.getMessage() + "\n" + written, e);
        }
        assertThat(reread).isEqualTo(document);
        assertThat(KeepalivedWriter.write(reread)).isEqualTo(written);
    }

    @Property(tries = 300)
    void importingAnyParsedTreeNeverThrows(@ForAll("configs") String text) {
        ConfDocument document;
        try {
            document = new KeepalivedParser(RESOLVER).parseDocument("/k/main.conf", text);
        } catch (KeepalivedSyntaxException e) {
            return;
        }
        assertThat(KeepalivedImporter.importConfig(document, ImportOptions.defaults()).spec()).isNotNull();
        assertThat(KeepalivedImporter.importConfig(document, new ImportOptions("c", "main")).spec()).isNotNull();
    }

    @Provide
    Arbitrary<String> saves() {
        return Arbitraries.of("-A", "-a", "-t", "-u", "--sctp-service", "-f", "-r", "-s", "-p", "-M", "-b", "-g", "-m",
                        "-i", "-w", "-x", "-y", "-6", "203.0.113.1:80", "[2001:db8::1]:53", "198.51.100.1:80", "x:y",
                        "wlc", "sh", "mh", "flag-1,sh-port", "7", "0", "abc", "--tun-type", "ops", "pe", "300", "\n", " ", " ")
                .list().ofMaxSize(60).map(words -> String.join(" ", words));
    }

    @Property(tries = 300)
    void ipvsadmSaveImportNeverThrows(@ForAll("saves") String text) {
        IpvsadmSaveImport imported = IpvsadmSaveImporter.importSave("save", text);

        assertThat(imported.services()).allSatisfy(s -> assertThat(s.key()).isNotNull());
    }
}
