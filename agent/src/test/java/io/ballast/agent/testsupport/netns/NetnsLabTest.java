package io.ballast.agent.testsupport.netns;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.agent.testsupport.RealEngines;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NetnsLabTest {

    @BeforeEach
    void needsRoot() {
        RealEngines.require("namespace harness", true, "ip");
    }

    private static String namespaces() {
        return Netns.run(List.of("ip", "netns", "list"), null, true).stdout();
    }

    @Test
    void closingTheLabRemovesItsNamespacesAndWhatRanInThem() {
        NetnsLab lab = NetnsLab.create();
        Netns a = lab.namespace("a");
        Process sleeper = a.spawn("sleep", "300");
        assertThat(namespaces()).contains(a.name());

        lab.close();

        assertThat(namespaces()).doesNotContain(lab.prefix());
        assertThat(sleeper.isAlive()).isFalse();
    }

    @Test
    void reaperRemovesNamespacesOfDeadRunsOnly() {
        String stale = NetnsLab.FAMILY + "999999999-zz-client";
        Netns.run(List.of("ip", "netns", "add", stale), null, true);
        try (NetnsLab live = NetnsLab.create()) {
            live.namespace("x");

            NetnsLab.reapStale();

            assertThat(namespaces()).doesNotContain(stale).contains(live.prefix() + "x");
        } finally {
            Netns.run(List.of("ip", "netns", "del", stale), null, false);
        }
    }

    @Test
    void twoLabsInOneProcessGetDifferentPrefixes() {
        try (NetnsLab one = NetnsLab.create(); NetnsLab two = NetnsLab.create()) {
            assertThat(one.prefix()).isNotEqualTo(two.prefix()).startsWith(NetnsLab.FAMILY);
        }
    }

    @Test
    void namespacesOnOneBridgeReachEachOther() {
        try (NetnsLab lab = NetnsLab.create()) {
            Netns a = lab.namespace("a");
            Netns b = lab.namespace("b");
            lab.connect(a, "eth0", "lan", "192.0.2.1/24", "2001:db8::1/64");
            lab.connect(b, "eth0", "lan", "192.0.2.2/24", "2001:db8::2/64");
            b.startIdentityServer("tcp", 7000, "bee");

            assertThat(a.countReplies("tcp", "192.0.2.2", 7000, 3)).containsEntry("bee", 3);
            assertThat(a.countReplies("tcp", "2001:db8::2", 7000, 2)).containsEntry("bee", 2);
        }
    }
}
