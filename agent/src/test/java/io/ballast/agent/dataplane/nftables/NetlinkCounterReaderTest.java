package io.ballast.agent.dataplane.nftables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.dataplane.nftables.netlink.NetlinkException;
import io.ballast.agent.testsupport.RealEngines;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import io.ballast.netns.Netns;
import io.ballast.netns.NetnsLab;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The netlink reader against the real kernel: counter sets of every key type, written by nft with known
 * values in two namespaces, read back over netlink and through the nft listing.
 */
class NetlinkCounterReaderTest {

    private static final String TABLE = "blt" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24));
    private static NetnsLab lab;
    private static Netns a;
    private static Netns b;

    @BeforeAll
    static void buildNamespaces() {
        RealEngines.require("netlink counter reader", true, "nft", "ip");
        lab = NetnsLab.create();
        a = lab.namespace("a");
        b = lab.namespace("b");
        load(a, 1);
        load(b, 1000);
    }

    @AfterAll
    static void removeNamespaces() {
        if (lab != null) {
            lab.close();
        }
    }

    /** Every counter set of the plane, with elements of each key type; counters scaled by {@code n}. */
    private static void load(Netns ns, long n) {
        StringBuilder script = new StringBuilder("table inet " + TABLE + " {\n");
        CounterSets.declarations().forEach((set, body) -> {
            String type = body.substring(body.indexOf("type ") + 5, body.indexOf(';'));
            script.append("  set ").append(set).append(' ').append(body.replace("; }", "; elements = { "
                    + elements(type, n) + " } }")).append('\n');
        });
        script.append("}\n");
        ns.execWithInput(script.toString(), "nft", "-f", "-");
        assertThat(ns.execOk("nft", "list", "table", "inet", TABLE).stdout()).contains("rsim6");
    }

    private static void host(String... argv) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        boolean ended = process.waitFor(30, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ended && process.exitValue() == 0).as(String.join(" ", argv) + ": " + output).isTrue();
    }

    private static String elements(String type, long n) {
        String counters = " counter packets " + 3 * n + " bytes " + 180 * n;
        String big = " counter packets " + 5_000_000_000L * n + " bytes " + 6_000_000_000_000L * n; // past 32 bits
        if (type.startsWith("ipv4_addr")) {
            return "203.0.113.10 . tcp . 198.51.100.1 . 80" + counters + ", 203.0.113.10 . udp . 198.51.100.2 . 6" + big
                    + ", 203.0.113.11 . sctp . 198.51.100.3 . 65535" + counters;
        }
        if (type.startsWith("ipv6_addr")) {
            return "2001:db8::10 . tcp . 2001:db8::a:1 . 443" + counters
                    + ", 2001:db8:0:1::10 . udp . 2001:db8:1::1:0:0:1 . 53" + big;
        }
        if (type.contains("ipv4_addr")) {
            return "6 . 198.51.100.6" + counters + ", 65536 . 198.51.100.7" + big;
        }
        return "42 . 2001:db8::6" + counters;
    }

    private static Map<String, Map<String, NftRulesetRenderer.CounterValue>> viaNetlink(String netns) throws Exception {
        try (NetlinkCounterReader reader = NetlinkCounterReader.open(netns, TABLE)) {
            return reader.read(TABLE, CounterSets.ALL);
        }
    }

    private static Map<String, Map<String, NftRulesetRenderer.CounterValue>> viaNft(Netns ns) throws DataPlaneException {
        try (NftCommand nft = new NftCommand(new CommandRunner(ns.name(), 30_000), "nft", 30_000);
             NftCounterReader reader = new NftCounterReader(nft, "nft")) {
            return reader.read(TABLE, CounterSets.ALL);
        }
    }

    private static VirtualService service(Protocol protocol, String vip, int port, String server, int serverPort) {
        return new VirtualService("s", protocol, vip, port, null, null, Scheduler.RR, null, null, null, null, null,
                List.of(RealServer.of("r", server, serverPort, 1)));
    }

    private static VirtualService marked(int mark, String server) {
        return new VirtualService("m", null, null, 0, mark, null, Scheduler.RR, null, null, null, null, null,
                List.of(RealServer.of("r", server, 0, 1)));
    }

    @Test
    void aNamespaceDeletedAndMadeAgainUnderTheSameNameIsReadAfresh() throws Exception {
        Netns c = lab.namespace("c");
        load(c, 1);
        try (NetlinkCounterReader reader = NetlinkCounterReader.open(c.name(), TABLE)) {
            assertThat(reader.read(TABLE, List.of("rsc4")).get("rsc4")).hasSize(3);

            host("ip", "netns", "del", c.name());
            host("ip", "netns", "add", c.name());
            load(c, 7);

            Map<String, NftRulesetRenderer.CounterValue> after = reader.read(TABLE, List.of("rsc4")).get("rsc4");
            assertThat(after).isEqualTo(viaNft(c).get("rsc4"));
            assertThat(after.get("203.0.113.10 . tcp . 198.51.100.1 . 80").packets()).isEqualTo(21);
        }
    }

    @Test
    void netlinkReadsEveryCounterSetAsTheNftListingDoes() throws Exception {
        Map<String, Map<String, NftRulesetRenderer.CounterValue>> netlink = viaNetlink(a.name());

        assertThat(netlink).isEqualTo(viaNft(a));
        assertThat(netlink.keySet()).containsExactlyInAnyOrderElementsOf(CounterSets.ALL);
    }

    @Test
    void keysAreTheOnesTheRendererWritesForEveryKeyType() throws Exception {
        Map<String, Map<String, NftRulesetRenderer.CounterValue>> netlink = viaNetlink(a.name());
        NftRulesetRenderer.CounterValue small = new NftRulesetRenderer.CounterValue(3, 180);
        NftRulesetRenderer.CounterValue big = new NftRulesetRenderer.CounterValue(5_000_000_000L, 6_000_000_000_000L);

        assertThat(netlink.get("rsi4")).containsOnly(
                Map.entry(NftRulesetRenderer.counterKey(service(Protocol.TCP, "203.0.113.10", 80, "198.51.100.1", 80),
                        "198.51.100.1", 80), small),
                Map.entry(NftRulesetRenderer.counterKey(service(Protocol.UDP, "203.0.113.10", 53, "198.51.100.2", 6),
                        "198.51.100.2", 6), big),
                Map.entry(NftRulesetRenderer.counterKey(service(Protocol.SCTP, "203.0.113.11", 9, "198.51.100.3", 65535),
                        "198.51.100.3", 65535), small));
        assertThat(netlink.get("rso6")).containsEntry(NftRulesetRenderer.counterKey(
                service(Protocol.UDP, "2001:db8:0:1::10", 53, "2001:db8:1::1:0:0:1", 53), "2001:db8:1:0:1::1", 53), big);
        assertThat(netlink.get("rscm4")).containsOnly(
                Map.entry(NftRulesetRenderer.counterKey(marked(6, "198.51.100.6"), "198.51.100.6", 0), small),
                Map.entry(NftRulesetRenderer.counterKey(marked(65536, "198.51.100.7"), "198.51.100.7", 0), big));
        assertThat(netlink.get("rsim6")).containsOnly(
                Map.entry(NftRulesetRenderer.counterKey(marked(42, "2001:db8::6"), "2001:db8::6", 0), small));
    }

    @Test
    void readerOpenedForANamespaceSeesThatNamespacesCountersOnly() throws Exception {
        NftRulesetRenderer.CounterValue inA = new NftRulesetRenderer.CounterValue(3, 180);
        NftRulesetRenderer.CounterValue inB = new NftRulesetRenderer.CounterValue(3000, 180_000);
        String key = "203.0.113.10 . tcp . 198.51.100.1 . 80";

        assertThat(viaNetlink(a.name()).get("rsc4")).containsEntry(key, inA);
        assertThat(viaNetlink(b.name()).get("rsc4")).containsEntry(key, inB);
        // The agent's own namespace has no such table: every set reads empty, none fails.
        assertThat(viaNetlink(null)).allSatisfy((set, values) -> assertThat(values).isEmpty());
    }

    @Test
    void setsThatDoNotExistReadEmpty() throws Exception {
        try (NetlinkCounterReader reader = NetlinkCounterReader.open(a.name(), TABLE)) {
            assertThat(reader.read(TABLE + "x", List.of("rsc4", "rsi6"))).containsOnly(
                    Map.entry("rsc4", Map.of()), Map.entry("rsi6", Map.of()));
        }
    }

    @Test
    void namespaceThatDoesNotExistIsNamedInTheError() {
        String missing = lab.prefix() + "missing";

        assertThatThrownBy(() -> NetlinkCounterReader.open(missing, TABLE)).isInstanceOf(NetlinkException.class)
                .hasMessageContaining("network namespace '" + missing + "'").hasMessageContaining("does not exist");
    }

    @Test
    void planeFallsBackToTheNftListingWithOneWarningWhenNetlinkCannotBeUsed() throws Exception {
        String missing = lab.prefix() + "missing";
        List<String> warnings = new ArrayList<>();
        try (NftCommand nft = new NftCommand(new CommandRunner(missing, 10_000), "nft", 10_000);
             CounterReader reader = CounterReader.choose(null, missing, TABLE, nft, warnings::add)) {
            assertThat(reader).isInstanceOf(NftCounterReader.class);
            assertThat(reader.describe()).startsWith("nft listing (netlink unavailable:").contains(missing);
        }
        assertThat(warnings).singleElement().satisfies(warning ->
                assertThat(warning).contains("lists them with nft").contains(missing).contains("does not exist"));
    }

    @Test
    void countersSettingChoosesTheReaderAndRejectsOtherWords() throws Exception {
        List<String> warnings = new ArrayList<>();
        try (NftCommand nft = new NftCommand(new CommandRunner(a.name(), 10_000), "nft", 10_000)) {
            try (CounterReader reader = CounterReader.choose("netlink", a.name(), TABLE, nft, warnings::add)) {
                assertThat(reader.describe()).isEqualTo("netlink (nf_tables set element dumps, in namespace " + a.name() + ")");
            }
            try (CounterReader reader = CounterReader.choose("nft", a.name(), TABLE, nft, warnings::add)) {
                assertThat(reader).isInstanceOf(NftCounterReader.class);
            }
            assertThatThrownBy(() -> CounterReader.choose("ebpf", a.name(), TABLE, nft, warnings::add))
                    .isInstanceOf(DataPlaneException.class).hasMessageContaining("\"counters\" must be \"netlink\" or \"nft\"");
        }
        assertThat(warnings).as("a reader that was asked for by name is no fallback").isEmpty();
    }
}
