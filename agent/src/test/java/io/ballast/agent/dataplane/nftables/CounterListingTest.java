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

/** Listings below are nft 1.0.6's own output ({@code nft -j -p list set …}), one line each. */
class CounterListingTest {

    private static final String V6 = """
            {"nftables": [{"metainfo": {"version": "1.0.6", "release_name": "Lester Gooch #5", "json_schema_version": 1}}, \
            {"set": {"family": "inet", "name": "rsc6", "table": "f", "type": ["ipv6_addr", "inet_proto", "ipv6_addr", "inet_service"], \
            "handle": 1, "elem": [{"elem": {"val": {"concat": ["2001:db8::1", 6, "2001:db8::a:2", 6]}, "counter": {"packets": 0, "bytes": 0}}}, \
            {"elem": {"val": {"concat": ["2001:db8::1", 17, "2001:db8::a:1", 53]}, "counter": {"packets": 7, "bytes": 420}}}], \
            "stmt": [{"counter": null}]}}]}
            """;
    private static final String MARK = """
            {"nftables": [{"metainfo": {"version": "1.0.6", "release_name": "Lester Gooch #5", "json_schema_version": 1}}, \
            {"set": {"family": "inet", "name": "rscm4", "table": "f", "type": ["mark", "ipv4_addr"], "handle": 2, \
            "elem": [{"elem": {"val": {"concat": [6, "198.51.100.6"]}, "counter": {"packets": 3, "bytes": 180}}}], \
            "stmt": [{"counter": null}]}}]}
            """;
    private static final String EMPTY = """
            {"nftables": [{"metainfo": {"version": "1.0.6", "release_name": "Lester Gooch #5", "json_schema_version": 1}}, \
            {"set": {"family": "inet", "name": "rsi4", "table": "f", "type": ["ipv4_addr", "inet_proto", "ipv4_addr", "inet_service"], \
            "handle": 3, "stmt": [{"counter": null}]}}]}
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
    void markSetKeysKeepTheMarkAsANumberEvenWhenItLooksLikeAProtocol() throws IOException {
        assertThat(read(MARK)).containsExactly(Map.entry("6 . 198.51.100.6", new NftRulesetRenderer.CounterValue(3, 180)));
    }

    @Test
    void setWithoutElementsHasNoCounters() throws IOException {
        assertThat(read(EMPTY)).isEmpty();
    }

    @Test
    void cutOffListingIsAnErrorNotAShorterSet() {
        String cut = V6.substring(0, V6.indexOf("{\"elem\": {\"val\": {\"concat\": [\"2001:db8::1\", 17"));

        assertThatThrownBy(() -> read(cut)).isInstanceOf(IOException.class);
    }

    private static Map<String, NftRulesetRenderer.CounterValue> read(String listing) throws IOException {
        return CounterListing.read(new ByteArrayInputStream(listing.getBytes(StandardCharsets.UTF_8)));
    }
}
