package io.ballast.agent.dataplane.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.model.api.CounterSample;
import io.ballast.model.api.Counters;
import io.ballast.model.api.Rates;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rates and totals as Debian's kernel 6.1 and ipvsadm 1.31 print them (layouts taken from the test VM). */
class IpvsCounterParserTest {

    static final String RATES = """
            IP Virtual Server version 1.2.1 (size=4096)
            Prot LocalAddress:Port                 CPS    InPPS   OutPPS    InBPS   OutBPS
              -> RemoteAddress:Port
            TCP  192.0.2.100:80                      4       40       30     2600    41000
              -> 198.51.100.1:80                     3       30       22     1900    30000
              -> 198.51.100.2:80                     1       10        8      700    11000
            UDP  192.0.2.1:53                        0        0        0        0        0
            """;

    static final String PROC_STATS = """
               Total Incoming Outgoing         Incoming         Outgoing
               Conns  Packets  Packets            Bytes            Bytes
                  C8      7D0      640            1F400            19000

             Conns/s   Pkts/s   Pkts/s          Bytes/s          Bytes/s
                   3       1E       19              7D0              6A4
            """;

    @Test
    void ratesJoinTheCountersOfTheSameServiceAndDestination() {
        List<CounterSample> samples = IpvsCounterParser.parse(IpvsTableParserTest.STATS, RATES,
                IpvsTableParserTest.LISTING);

        assertThat(samples).contains(
                new CounterSample("tcp/192.0.2.100:80", null, new Counters(2, 7, 12, 340, 300, 20400, 901234),
                        new Rates(4, 40, 30, 2600, 41000)),
                new CounterSample("tcp/192.0.2.100:80", "198.51.100.2:80", new Counters(0, 0, 2, 40, 20, 2400, 1234),
                        new Rates(1, 10, 8, 700, 11000)),
                new CounterSample("udp/192.0.2.1:53", null, new Counters(0, 0, 0, 0, 0, 0, 0), new Rates(0, 0, 0, 0, 0)));
    }

    @Test
    void withoutARateListingSamplesHaveNoRates() {
        assertThat(IpvsCounterParser.parse(IpvsTableParserTest.STATS, IpvsTableParserTest.LISTING))
                .allMatch(sample -> sample.rates() == null);
    }

    @Test
    void kernelTotalsAreHexadecimalWithConnectionColumnsSummedOverServices() {
        List<CounterSample> samples = IpvsCounterParser.parse(IpvsTableParserTest.STATS, RATES,
                IpvsTableParserTest.LISTING);

        CounterSample total = IpvsCounterParser.totals(PROC_STATS, samples);

        assertThat(total.service()).isNull();
        assertThat(total.realServer()).isNull();
        assertThat(total.counters()).isEqualTo(new Counters(2, 7, 200, 2000, 1600, 128000, 102400));
        assertThat(total.rates()).isEqualTo(new Rates(3, 30, 25, 2000, 1700));
    }

    @Test
    void unreadableTotalsSaySoAndWhere() {
        assertThatThrownBy(() -> IpvsCounterParser.totals("nothing here\n", List.of()))
                .hasMessageContaining("/proc/net/ip_vs_stats").hasMessageContaining("found 0 lines of numbers");
    }
}
