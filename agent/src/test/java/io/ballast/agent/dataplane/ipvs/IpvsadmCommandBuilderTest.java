package io.ballast.agent.dataplane.ipvs;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.AdminState;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.OsType;
import io.ballast.model.Persistence;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.VirtualService;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IpvsadmCommandBuilderTest {

    private static VirtualService service(Protocol protocol, String address, int port) {
        return new VirtualService(null, protocol, address, port, null, null, Scheduler.WRR, Set.of(), null,
                ForwardingMethod.NAT, null, null, List.of());
    }

    private static String line(List<String> args) {
        return IpvsadmCommandBuilder.restoreLine(args);
    }

    @Test
    void tcpUdpAndSctpServicesUseTheirOwnOption() {
        assertThat(line(IpvsadmCommandBuilder.addService(service(Protocol.TCP, "203.0.113.10", 80))))
                .isEqualTo("-A -t 203.0.113.10:80 -s wrr");
        assertThat(line(IpvsadmCommandBuilder.addService(service(Protocol.UDP, "203.0.113.10", 53))))
                .isEqualTo("-A -u 203.0.113.10:53 -s wrr");
        assertThat(line(IpvsadmCommandBuilder.addService(service(Protocol.SCTP, "203.0.113.10", 9999))))
                .isEqualTo("-A --sctp-service 203.0.113.10:9999 -s wrr");
    }

    @Test
    void ipv6ServiceAddressIsBracketed() {
        assertThat(line(IpvsadmCommandBuilder.deleteService(service(Protocol.TCP, "2001:db8::10", 443))))
                .isEqualTo("-D -t [2001:db8::10]:443");
    }

    @Test
    void firewallMarkServiceNamesItsFamilyWhenIpv6() {
        VirtualService v4 = new VirtualService(null, null, null, 0, 7, "inet", Scheduler.RR, Set.of(), null, null,
                null, null, List.of());
        VirtualService v6 = new VirtualService(null, null, null, 0, 8, "inet6", Scheduler.RR, Set.of(), null, null,
                null, null, List.of());
        assertThat(line(IpvsadmCommandBuilder.addService(v4))).isEqualTo("-A -f 7 -s rr");
        assertThat(line(IpvsadmCommandBuilder.editService(v6))).isEqualTo("-E -f 8 -6 -s rr");
        assertThat(line(IpvsadmCommandBuilder.deleteService(v6))).isEqualTo("-D -f 8 -6");
    }

    @Test
    void firewallMarksAboveTwoToTheThirtyFirstAreWrittenUnsigned() {
        VirtualService high = new VirtualService(null, null, null, 0, (int) 4_294_967_295L, "inet", Scheduler.RR,
                Set.of(), null, null, null, null, List.of());
        assertThat(line(IpvsadmCommandBuilder.addService(high))).isEqualTo("-A -f 4294967295 -s rr");
    }

    @Test
    void flagsAndPersistenceWithNetmaskAreRendered() {
        VirtualService sh = new VirtualService(null, Protocol.TCP, "203.0.113.10", 80, null, null, Scheduler.SH,
                EnumSet.of(SchedulerFlag.SH_PORT, SchedulerFlag.SH_FALLBACK), new Persistence(300, "255.255.255.0"),
                null, null, null, List.of());
        assertThat(line(IpvsadmCommandBuilder.addService(sh)))
                .isEqualTo("-A -t 203.0.113.10:80 -s sh -b sh-fallback,sh-port -p 300 -M 255.255.255.0");
    }

    @Test
    void editWithoutPersistenceOmitsItSoTheKernelClearsIt() {
        assertThat(line(IpvsadmCommandBuilder.editService(service(Protocol.TCP, "203.0.113.10", 80))))
                .isEqualTo("-E -t 203.0.113.10:80 -s wrr");
    }

    @Test
    void destinationCarriesForwardingWeightAndThresholds() {
        VirtualService nat = service(Protocol.TCP, "203.0.113.10", 80);
        RealServer limited = new RealServer("a", "198.51.100.1", 8080, 5, null, 100, 20, OsType.LINUX,
                AdminState.ACTIVE);
        assertThat(line(IpvsadmCommandBuilder.addDestination(nat, limited)))
                .isEqualTo("-a -t 203.0.113.10:80 -r 198.51.100.1:8080 -m -w 5 -x 100 -y 20");
        assertThat(line(IpvsadmCommandBuilder.addDestination(nat, RealServer.of("b", "198.51.100.2", 8080, 1))))
                .isEqualTo("-a -t 203.0.113.10:80 -r 198.51.100.2:8080 -m -w 1");
    }

    @Test
    void eachForwardingMethodHasItsFlag() {
        VirtualService dr = new VirtualService(null, Protocol.TCP, "203.0.113.10", 80, null, null, Scheduler.RR,
                Set.of(), null, ForwardingMethod.DR, null, null, List.of());
        RealServer tun = new RealServer(null, "198.51.100.3", 80, 2, ForwardingMethod.TUN, 0, 0, null, null);
        assertThat(line(IpvsadmCommandBuilder.addDestination(dr, RealServer.of(null, "198.51.100.2", 80, 1))))
                .isEqualTo("-a -t 203.0.113.10:80 -r 198.51.100.2:80 -g -w 1");
        assertThat(line(IpvsadmCommandBuilder.addDestination(dr, tun)))
                .isEqualTo("-a -t 203.0.113.10:80 -r 198.51.100.3:80 -i -w 2");
    }

    @Test
    void destinationEditSpellsOutThresholdsSoZeroClearsThem() {
        VirtualService nat = service(Protocol.UDP, "2001:db8::1", 53);
        assertThat(line(IpvsadmCommandBuilder.editDestination(nat, RealServer.of(null, "2001:db8::2", 53, 0))))
                .isEqualTo("-e -u [2001:db8::1]:53 -r [2001:db8::2]:53 -m -w 0 -x 0 -y 0");
        assertThat(line(IpvsadmCommandBuilder.deleteDestination(nat, RealServer.of(null, "2001:db8::2", 53, 0))))
                .isEqualTo("-d -u [2001:db8::1]:53 -r [2001:db8::2]:53");
    }

    @Test
    void syncDaemonCommandsNameStateSyncIdAndInterface() {
        assertThat(line(IpvsadmCommandBuilder.startSyncDaemon("master", 5, "eth1")))
                .isEqualTo("--start-daemon master --syncid 5 --mcast-interface eth1");
        assertThat(line(IpvsadmCommandBuilder.stopSyncDaemon("backup"))).isEqualTo("--stop-daemon backup");
    }
}
