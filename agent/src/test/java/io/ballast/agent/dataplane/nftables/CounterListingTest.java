package io.ballast.agent.dataplane.nftables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Listings below are nft 1.0.6's own output ({@code nft -p list set …}). */
class CounterListingTest {

    private static final String V6 = """
            table inet f {
            \tset rsc6 {
            \t\ttype ipv6_addr . inet_proto . ipv6_addr . inet_service
            \t\tcounter
            \t\telements = { 2001:db8::1 . 6 . 2001:db8::a:2 . 6 counter packets 0 bytes 0,
            \t\t\t     2001:db8::1 . 17 . 2001:db8::a:1 . 53 counter packets 7 bytes 420 }
            \t}
            }
            """;
    private static final String MARK = """
            table inet f {
            \tset rscm4 {
            \t\ttype mark . ipv4_addr
            \t\tcounter
            \t\telements = { 0x00000006 . 198.51.100.6 counter packets 3 bytes 180 }
            \t}
            }
            """;
    private static final String EMPTY = """
            table inet f {
            \tset rsi4 {
            \t\ttype ipv4_addr . inet_proto . ipv4_addr . inet_service
            \t\tcounter
            \t}
            }
            """;

    @Test
    void numericProtocolsComeBackAsTheNamesTheRendererKeysBy() throws IOException {
        VirtualService dns = new VirtualService("dns", Protocol.UDP, "2001:db8::1", 53, null, null, Scheduler.RR, null,
                null, null, null, null, List.of(RealServer.of("a", "2001:db8::a:1", 53, 1)));

        Map<String, NftRulesetRenderer.CounterValue> counters = read(V6);

        assertThat(counters).containsEntry(NftRulesetRenderer.counterKey(dns, "2001:db8::a:1", 53),
                new NftRulesetRenderer.CounterValue(7, 420));
        // The port 6 is a port, not TCP: only the protocol part of the key is named.
        assertThat(counters).containsEntry("2001:db8::1 . tcp . 2001:db8::a:2 . 6", new NftRulesetRenderer.CounterValue(0, 0));
        assertThat(counters).hasSize(2);
    }

    @Test
    void markSetKeysCarryTheMarkInDecimalAsTheRendererWritesIt() throws IOException {
        VirtualService marked = new VirtualService("fw", null, null, 0, 6, null, Scheduler.RR, null,
                null, null, null, null, List.of(RealServer.of("a", "198.51.100.6", 0, 1)));

        assertThat(read(MARK)).containsExactly(Map.entry(NftRulesetRenderer.counterKey(marked, "198.51.100.6", 0),
                new NftRulesetRenderer.CounterValue(3, 180)));
    }

    @Test
    void setWithoutElementsHasNoCounters() throws IOException {
        assertThat(read(EMPTY)).isEmpty();
    }

    @Test
    void cutOffListingIsAnErrorNotAShorterSet() {
        String cut = V6.substring(0, V6.indexOf("\t\t\t     2001:db8::1 . 17"));

        assertThatThrownBy(() -> read(cut)).isInstanceOf(IOException.class).hasMessageContaining("cut off");
    }

    @Test
    void counterThatIsNotANumberIsAnErrorNamingTheLine() {
        String odd = V6.replace("packets 7 bytes 420", "packets seven bytes 420");

        assertThatThrownBy(() -> read(odd)).isInstanceOf(IOException.class).hasMessageContaining("line 6");
    }

    private static Map<String, NftRulesetRenderer.CounterValue> read(String listing) throws IOException {
        return CounterListing.read(new ByteArrayInputStream(listing.getBytes(StandardCharsets.UTF_8)));
    }
}
