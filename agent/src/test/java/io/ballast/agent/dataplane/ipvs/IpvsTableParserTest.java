package io.ballast.agent.dataplane.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.model.ForwardingMethod;
import io.ballast.model.Persistence;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.VirtualService;
import io.ballast.model.api.CounterSample;
import io.ballast.model.api.Counters;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Samples are ipvsadm 1.31 output as printed by Debian's kernel 6.1 (captured in the test VM). */
class IpvsTableParserTest {

    static final String LISTING = """
            IP Virtual Server version 1.2.1 (size=4096)
            Prot LocalAddress:Port Scheduler Flags
              -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
            TCP  192.0.2.100:80 wrr
              -> 198.51.100.1:80              Masq    3      2          7         
              -> 198.51.100.2:80              Route   1      0          0         
            UDP  192.0.2.1:53 rr persistent 30 mask 255.255.255.0
            SCTP [2001:db8::1]:80 mh (mh-port) persistent 60
              -> [2001:db8::2]:80             Tunnel  0      0          0         
            FWM  7 IPv6 sh (sh-fallback,sh-port) persistent 300 mask 64
            """;

    static final String THRESHOLDS = """
            IP Virtual Server version 1.2.1 (size=4096)
            Prot LocalAddress:Port            Uthreshold Lthreshold ActiveConn InActConn 
              -> RemoteAddress:Port
            TCP  192.0.2.100:80 wrr
              -> 198.51.100.1:80              10         5          0          0         
              -> 198.51.100.2:80              0          0          0          0         
            UDP  192.0.2.1:53 rr persistent 30 mask 255.255.255.0
            SCTP [2001:db8::1]:80 mh (mh-port) persistent 60
              -> [2001:db8::2]:80             0          0          0          0         
            FWM  7 IPv6 sh (sh-fallback,sh-port) persistent 300 mask 64
            """;

    static final String STATS = """
            IP Virtual Server version 1.2.1 (size=4096)
            Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes
              -> RemoteAddress:Port
            TCP  192.0.2.100:80                     12      340      300    20400   901234
              -> 198.51.100.1:80                    10      300      280    18000   900000
              -> 198.51.100.2:80                     2       40       20     2400     1234
            UDP  192.0.2.1:53                        0        0        0        0        0
            """;

    @Test
    void readsEveryServiceKindWithItsSettings() {
        List<VirtualService> table = IpvsTableParser.parse(LISTING, THRESHOLDS);

        assertThat(table).extracting(s -> s.key().toString())
                .containsExactly("tcp/192.0.2.100:80", "udp/192.0.2.1:53", "sctp/[2001:db8::1]:80", "fwm/7");
        assertThat(table.get(0).scheduler()).isEqualTo(Scheduler.WRR);
        assertThat(table.get(1).persistence()).isEqualTo(new Persistence(30, "255.255.255.0"));
        assertThat(table.get(2).protocol()).isEqualTo(Protocol.SCTP);
        assertThat(table.get(2).schedulerFlags()).containsExactly(SchedulerFlag.MH_PORT);
        assertThat(table.get(2).persistence()).isEqualTo(new Persistence(60, null));
        VirtualService mark = table.get(3);
        assertThat(mark.firewallMark()).isEqualTo(7);
        assertThat(mark.isIpv6()).isTrue();
        assertThat(mark.schedulerFlags()).containsExactlyInAnyOrder(SchedulerFlag.SH_FALLBACK, SchedulerFlag.SH_PORT);
        assertThat(mark.persistence()).isEqualTo(new Persistence(300, "64"));
    }

    @Test
    void readsDestinationsWithForwardingWeightAndThresholds() {
        List<VirtualService> table = IpvsTableParser.parse(LISTING, THRESHOLDS);

        assertThat(table.get(0).realServers()).containsExactly(
                new RealServer(null, "198.51.100.1", 80, 3, ForwardingMethod.NAT, 10, 5, null, null),
                new RealServer(null, "198.51.100.2", 80, 1, ForwardingMethod.DR, 0, 0, null, null));
        assertThat(table.get(2).realServers()).containsExactly(
                new RealServer(null, "2001:db8::2", 80, 0, ForwardingMethod.TUN, 0, 0, null, null));
        assertThat(table.get(1).realServers()).isEmpty();
    }

    @Test
    void emptyTableIsEmpty() {
        assertThat(IpvsTableParser.parse("""
                IP Virtual Server version 1.2.1 (size=4096)
                Prot LocalAddress:Port Scheduler Flags
                  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
                """, null)).isEmpty();
    }

    @Test
    void unreadableLineIsNamedByNumber() {
        assertThatThrownBy(() -> IpvsTableParser.parse(LISTING.replace("wrr", "bogus"), null))
                .hasMessageContaining("line 4").hasMessageContaining("TCP  192.0.2.100:80 bogus");
        assertThatThrownBy(() -> IpvsTableParser.parse(LISTING.replace("Route", "Teleport"), null))
                .hasMessageContaining("line 6").hasMessageContaining("Teleport");
    }

    @Test
    void countersJoinStatsWithConnectionColumns() {
        List<CounterSample> samples = IpvsCounterParser.parse(STATS, LISTING);

        assertThat(samples).contains(
                new CounterSample("tcp/192.0.2.100:80", null, new Counters(2, 7, 12, 340, 300, 20400, 901234)),
                new CounterSample("tcp/192.0.2.100:80", "198.51.100.1:80", new Counters(2, 7, 10, 300, 280, 18000, 900000)),
                new CounterSample("tcp/192.0.2.100:80", "198.51.100.2:80", new Counters(0, 0, 2, 40, 20, 2400, 1234)),
                new CounterSample("udp/192.0.2.1:53", null, new Counters(0, 0, 0, 0, 0, 0, 0)));
    }

    @Test
    void firewallMarksAboveTwoToTheThirtyFirstKeepTheirBitsPrintedEitherWay() {
        String unsigned = "IP Virtual Server version 1.2.1 (size=4096)\nFWM  4294967295 rr\n";
        String signed = "IP Virtual Server version 1.2.1 (size=4096)\nFWM  -1 rr\n";
        assertThat(IpvsTableParser.parse(unsigned, unsigned).get(0).key().toString()).isEqualTo("fwm/4294967295");
        assertThat(IpvsTableParser.parse(signed, signed).get(0).key().toString()).isEqualTo("fwm/4294967295");
    }
}
