package io.ballast.model.keepalived;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.model.CheckType;
import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.FailAction;
import io.ballast.model.FailoverSettings;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.HealthCheck;
import io.ballast.model.Persistence;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.ServiceKey;
import io.ballast.model.SorryServer;
import io.ballast.model.VirtualService;
import io.ballast.model.keepalived.ImportIssue.Kind;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KeepalivedImporterTest {

    private static final String MAIN = Fixtures.DIR + "ha-director-a.conf";
    private static final String DNS = Fixtures.DIR + "conf.d/10-dns.conf";

    private static KeepalivedImport imported;

    @BeforeAll
    static void importHaDirector() throws Exception {
        imported = Fixtures.importFixture("ha-director-a.conf", ImportOptions.defaults(),
                "conf.d/10-dns.conf", "conf.d/20-ipv6.conf", "multicast.conf");
    }

    private static VirtualService service(String key) {
        return imported.spec().virtualServices().stream().filter(s -> s.key().equals(ServiceKey.parse(key)))
                .findFirst().orElseThrow(() -> new AssertionError("no service " + key));
    }

    private static ImportIssue issueAt(String file, int line) {
        return imported.report().issues().stream().filter(i -> i.file().equals(file) && i.line() == line)
                .findFirst().orElseThrow(() -> new AssertionError("no issue at " + file + " line " + line
                        + "; report:\n" + imported.report().text()));
    }

    @Test
    void oneFileGivesOneDirectorOfAnHaPairNamedByRouterId() {
        ClusterSpec spec = imported.spec();

        assertThat(spec.form()).isEqualTo(ClusterForm.HA_PAIR);
        assertThat(spec.name()).isEqualTo("lb-a");
        assertThat(spec.directors()).containsExactly(new Director("lb-a", "192.0.2.11", null, 150, "eth0"));
        assertThat(spec.failover()).isEqualTo(new FailoverSettings(51, 500, true, 30, List.of("192.0.2.12"), true,
                List.of("203.0.113.11", "10.20.0.1/24")));
    }

    @Test
    void httpServiceKeepsSchedulerPersistenceSorryServerThresholdsAndItsCheck() {
        VirtualService web = service("tcp/203.0.113.10:80");

        assertThat(web.scheduler()).isEqualTo(Scheduler.WRR);
        assertThat(web.forwarding()).isEqualTo(ForwardingMethod.NAT);
        assertThat(web.persistence()).isEqualTo(new Persistence(600, "255.255.255.0"));
        assertThat(web.sorryServer()).isEqualTo(new SorryServer("198.51.100.99", 8080));
        assertThat(web.realServers()).containsExactly(
                new RealServer(null, "198.51.100.1", 8080, 3, null, 1000, 800, null, null),
                new RealServer(null, "198.51.100.2", 8080, 1, null, 0, 0, null, null));
        assertThat(web.healthCheck()).isEqualTo(new HealthCheck(CheckType.HTTP, 5000, 2000, 1, 3, null, "/healthz",
                null, List.of(200, 204), null, List.of(), FailAction.QUIESCE));
    }

    @Test
    void sslServiceKeepsFlagsPerServerForwardingPortAndVirtualHost() {
        VirtualService tls = service("tcp/203.0.113.10:443");

        assertThat(tls.scheduler()).isEqualTo(Scheduler.SH);
        assertThat(tls.schedulerFlags()).containsExactlyInAnyOrder(SchedulerFlag.SH_PORT, SchedulerFlag.SH_FALLBACK);
        assertThat(tls.forwarding()).isEqualTo(ForwardingMethod.DR);
        assertThat(tls.realServers().get(1).forwarding()).isEqualTo(ForwardingMethod.TUN);
        assertThat(tls.realServers().get(0).forwarding()).isNull();
        HealthCheck check = tls.healthCheck();
        assertThat(check.type()).isEqualTo(CheckType.HTTPS);
        assertThat(check.port()).isEqualTo(8443);
        assertThat(check.host()).isEqualTo("www.example.org");
        assertThat(check.expectStatus()).isEqualTo(IntStream.rangeClosed(200, 299).boxed().toList());
        assertThat(check.intervalMs()).isEqualTo(10_000);
        assertThat(check.timeoutMs()).isEqualTo(5_000);
        assertThat(check.fall()).isEqualTo(2);
        assertThat(check.onFailure()).isEqualTo(FailAction.REMOVE);
    }

    @Test
    void firewallMarkServiceWithDefaultPersistence() {
        VirtualService marked = service("fwm/7");

        assertThat(marked.firewallMark()).isEqualTo(7);
        assertThat(marked.protocol()).isNull();
        assertThat(marked.addressFamily()).isEqualTo("inet");
        assertThat(marked.persistence()).isEqualTo(new Persistence(360, null));
        assertThat(marked.realServers()).containsExactly(RealServer.of(null, "198.51.100.4", 0, 5));
        assertThat(marked.healthCheck()).isEqualTo(new HealthCheck(CheckType.TCP, 60_000, 3_000, 1, 2, null, null, null,
                List.of(), null, List.of(), FailAction.REMOVE));
    }

    @Test
    void includedGroupExpandsRangesIntoServicesWithTheScriptCheck() {
        List<VirtualService> dns = imported.spec().virtualServices().stream()
                .filter(s -> "DNS".equals(s.name())).toList();

        assertThat(dns).extracting(s -> s.key().toString())
                .containsExactly("udp/203.0.113.20:53", "udp/203.0.113.21:53", "udp/203.0.113.30:53");
        HealthCheck check = dns.get(0).healthCheck();
        assertThat(check.type()).isEqualTo(CheckType.SCRIPT);
        assertThat(check.command()).containsExactly("/usr/lib/ballast/check-dns", "198.51.100.5", "example.org SOA");
        assertThat(check.timeoutMs()).isEqualTo(2000);
        assertThat(check.intervalMs()).isEqualTo(3000);
        assertThat(check.fall()).isEqualTo(1);
        assertThat(dns.get(2).realServers()).containsExactly(RealServer.of(null, "198.51.100.5", 53, 1));
    }

    @Test
    void ipv6ServiceFromAnotherIncludedFile() {
        VirtualService v6 = service("tcp/[2001:db8:10::10]:80");

        assertThat(v6.isIpv6()).isTrue();
        assertThat(v6.realServers()).extracting(RealServer::address).containsExactly("2001:db8:20::1", "2001:db8:20::2");
        assertThat(v6.healthCheck().timeoutMs()).isEqualTo(1500);
        assertThat(v6.healthCheck().intervalMs()).isEqualTo(2000);
    }

    @Test
    void unsupportedKeywordsAreReportedByFileAndLine() {
        assertThat(issueAt(MAIN, 96)).satisfies(i -> {
            assertThat(i.keyword()).isEqualTo("SMTP_CHECK");
            assertThat(i.kind()).isEqualTo(Kind.UNSUPPORTED);
        });
        assertThat(issueAt(MAIN, 67).keyword()).isEqualTo("quorum_up");
        assertThat(issueAt(MAIN, 67).kind()).isEqualTo(Kind.UNSUPPORTED);
    }

    @Test
    void droppedAndApproximatedLinesAreReportedToo() {
        assertThat(issueAt(MAIN, 5).keyword()).isEqualTo("notification_email");
        assertThat(issueAt(MAIN, 17).keyword()).isEqualTo("notify_master");
        assertThat(issueAt(MAIN, 38).keyword()).isEqualTo("track_script");
        assertThat(issueAt(MAIN, 21)).satisfies(i -> {
            assertThat(i.keyword()).isEqualTo("state");
            assertThat(i.reason()).contains("starts every director as BACKUP");
        });
        assertThat(issueAt(MAIN, 78)).satisfies(i -> {
            assertThat(i.keyword()).isEqualTo("digest");
            assertThat(i.kind()).isEqualTo(Kind.APPROXIMATED);
            assertThat(i.reason()).contains("ignored");
        });
        assertThat(issueAt(MAIN, 82).keyword()).isEqualTo("delay_before_retry");
        assertThat(issueAt(MAIN, 33).reason()).contains("gateway VIP");
        assertThat(issueAt(DNS, 19).keyword()).isEqualTo("virtual_server_group");
        assertThat(issueAt(DNS, 7).reason()).contains("is in no vrrp_instance");
        assertThat(issueAt(MAIN, 43).reason()).contains("interface eth1");
    }

    @Test
    void everyReportedLineIsMentionedOnce() {
        assertThat(imported.report().issues()).doesNotHaveDuplicates();
        assertThat(imported.report().text()).contains(MAIN + " line 96: SMTP_CHECK: Ballast has no SMTP_CHECK");
    }

    @Test
    void multicastVrrpImportsAsSingleAndSaysWhy() throws Exception {
        KeepalivedImport single = Fixtures.importFixture("multicast.conf", ImportOptions.defaults());

        assertThat(single.spec().form()).isEqualTo(ClusterForm.SINGLE);
        assertThat(single.spec().failover()).isNull();
        assertThat(single.spec().directors()).extracting(Director::id).containsExactly("lb-m");
        assertThat(single.report().about("vrrp_instance")).singleElement()
                .satisfies(i -> assertThat(i.reason()).contains("imported as SINGLE"));
        assertThat(single.report().about("DNS_CHECK")).singleElement()
                .satisfies(i -> assertThat(i.kind()).isEqualTo(Kind.UNSUPPORTED));
        assertThat(single.spec().virtualServices().get(0).healthCheck()).isNull();
    }

    @Test
    void conditionalLinesFollowTheConfigId() throws Exception {
        KeepalivedImport main = Fixtures.importFixture("conditional.conf", new ImportOptions(null, "main"));

        assertThat(main.spec().directors()).containsExactly(new Director("main_router", "192.0.2.21", null, 100, "eth0"));
        assertThat(main.spec().failover().unicastPeers()).containsExactly("192.0.2.22");
        assertThat(main.report().about("$PRIO")).singleElement()
                .satisfies(i -> assertThat(i.kind()).isEqualTo(Kind.UNSUPPORTED));
        assertThat(main.report().about("priority")).singleElement()
                .satisfies(i -> assertThat(i.line()).isEqualTo(9));
    }

    @Test
    void conditionalLinesWithoutConfigIdAreReportedByLine() throws Exception {
        KeepalivedImport unknown = Fixtures.importFixture("conditional.conf", ImportOptions.defaults());

        assertThat(unknown.report().ofKind(Kind.UNSUPPORTED)).extracting(ImportIssue::line)
                .contains(3, 4, 10, 11, 13, 14);
    }

    @Test
    void malformedFilesFailWithTheirLine() {
        assertThatThrownBy(() -> Fixtures.importFixture("malformed-unclosed.conf", ImportOptions.defaults()))
                .isInstanceOf(KeepalivedSyntaxException.class)
                .hasMessage(Fixtures.DIR + "malformed-unclosed.conf line 5: the block 'vrrp_instance VI_1' opened here"
                        + " is never closed (missing '}')");
        assertThatThrownBy(() -> Fixtures.importFixture("malformed-extra-brace.conf", ImportOptions.defaults()))
                .hasMessage(Fixtures.DIR + "malformed-extra-brace.conf line 4: '}' without an opening '{'");
        assertThatThrownBy(() -> Fixtures.importFixture("malformed-quote.conf", ImportOptions.defaults()))
                .hasMessageStartingWith(Fixtures.DIR + "malformed-quote.conf line 4: unterminated quoted string");
    }
}
