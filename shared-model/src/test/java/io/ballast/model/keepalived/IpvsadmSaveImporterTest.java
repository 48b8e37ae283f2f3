package io.ballast.model.keepalived;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.ForwardingMethod;
import io.ballast.model.Persistence;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.VirtualService;
import io.ballast.model.keepalived.ImportIssue.Kind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IpvsadmSaveImporterTest {

    private final IpvsadmSaveImport imported =
            IpvsadmSaveImporter.importSave("ipvsadm-save", Fixtures.text("ipvsadm/save-mixed.txt"));

    @Test
    void natServiceWithPersistenceThresholdsAndAMinorityMethod() {
        assertThat(imported.services().get(0)).isEqualTo(new VirtualService(null, Protocol.TCP, "203.0.113.10", 80, null,
                null, Scheduler.WLC, Set.of(), new Persistence(600, "255.255.255.0"), ForwardingMethod.NAT, null, null,
                List.of(new RealServer(null, "198.51.100.1", 8080, 3, null, 1000, 800, null, null),
                        RealServer.of(null, "198.51.100.2", 8080, 1),
                        new RealServer(null, "198.51.100.3", 8080, 0, ForwardingMethod.DR, 0, 0, null, null))));
    }

    @Test
    void ipv6UdpServiceWithSchedulerFlags() {
        VirtualService dns = imported.services().get(1);

        assertThat(dns.key().toString()).isEqualTo("udp/[2001:db8:10::53]:53");
        assertThat(dns.scheduler()).isEqualTo(Scheduler.SH);
        assertThat(dns.schedulerFlags()).containsExactlyInAnyOrder(SchedulerFlag.SH_PORT, SchedulerFlag.SH_FALLBACK);
        assertThat(dns.realServers()).containsExactly(RealServer.of(null, "2001:db8:20::5", 53, 1));
    }

    @Test
    void ipv6FirewallMarkServiceWithNumberedFlag() {
        VirtualService marked = imported.services().get(2);

        assertThat(marked.firewallMark()).isEqualTo(7);
        assertThat(marked.addressFamily()).isEqualTo("inet6");
        assertThat(marked.schedulerFlags()).containsExactly(SchedulerFlag.MH_PORT);
        assertThat(marked.persistence()).isEqualTo(new Persistence(300, "64"));
        assertThat(marked.forwarding()).isEqualTo(ForwardingMethod.DR);
        assertThat(marked.realServers()).containsExactly(RealServer.of(null, "2001:db8:20::4", 0, 5));
    }

    @Test
    void sctpTunnelServiceIsKeptAndItsExtrasReported() {
        VirtualService sctp = imported.services().get(3);

        assertThat(sctp.key().toString()).isEqualTo("sctp/203.0.113.30:3868");
        assertThat(sctp.forwarding()).isEqualTo(ForwardingMethod.TUN);
        assertThat(imported.report().issues()).filteredOn(i -> i.line() == 9).extracting(ImportIssue::keyword)
                .containsExactly("ops");
        assertThat(imported.report().issues()).filteredOn(i -> i.line() == 10).extracting(ImportIssue::keyword)
                .containsExactly("--tun-type", "--tun-port");
    }

    @Test
    void linesThatCannotBeUsedAreReportedByLine() {
        assertThat(imported.services()).hasSize(4);
        assertThat(imported.report().issues()).filteredOn(i -> i.kind() == Kind.INVALID)
                .extracting(ImportIssue::line).containsExactly(11, 12, 12);
        assertThat(imported.report().text())
                .contains("ipvsadm-save line 11: -a: service tcp/203.0.113.99:80 has no -A line before this one")
                .contains("ipvsadm-save line 12: www.example.org:http: 'www.example.org:http' is not a numeric address:port");
    }

    @Test
    void emptySaveGivesNoServicesAndACleanReport() {
        IpvsadmSaveImport empty = IpvsadmSaveImporter.importSave("ipvsadm-save", "\n");

        assertThat(empty.services()).isEmpty();
        assertThat(empty.report().isClean()).isTrue();
    }
}
