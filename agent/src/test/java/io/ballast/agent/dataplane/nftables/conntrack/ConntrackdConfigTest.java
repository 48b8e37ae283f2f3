package io.ballast.agent.dataplane.nftables.conntrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConntrackdConfigTest {

    @Test
    void rendersReliableUnicastSyncBetweenTheTwoDirectors() {
        ConntrackdConfig config = new ConntrackdConfig("192.0.2.11", "192.0.2.12", "eth1", 3780,
                Path.of("/var/lib/ballast/conntrackd-a"), List.of());

        String text = config.render();

        assertThat(text).contains("Mode FTFW {").contains("IPv4_address 192.0.2.11")
                .contains("IPv4_Destination_Address 192.0.2.12").contains("Interface eth1").contains("Port 3780")
                .contains("Path /var/lib/ballast/conntrackd-a/conntrackd.ctl")
                .contains("LockFile /var/lib/ballast/conntrackd-a/conntrackd.lock");
        assertThat(text.chars().filter(c -> c == '{').count()).isEqualTo(text.chars().filter(c -> c == '}').count());
    }

    @Test
    void ipv6SyncLinkUsesIpv6Keywords() {
        String text = new ConntrackdConfig("2001:db8::11", "2001:db8::12", "eth1", 3780, Path.of("/run/x"), List.of())
                .render();

        assertThat(text).contains("IPv6_address 2001:db8::11").contains("IPv6_Destination_Address 2001:db8::12");
    }

    @Test
    void directorsOwnAddressesAreNotSynchronised() {
        String text = new ConntrackdConfig("192.0.2.11", "192.0.2.12", "eth1", 3780, Path.of("/run/x"),
                List.of("203.0.113.1")).render();

        assertThat(text).contains("Address Ignore {").contains("IPv4_address 203.0.113.1")
                .contains("IPv4_address 127.0.0.1");
    }

    @Test
    void badSettingsAreRefusedAllAtOnce() {
        assertThatThrownBy(() -> new ConntrackdConfig("lb-a", "192.0.2.12", "eth 1", 0, Path.of("/run/x"), List.of()))
                .hasMessageContaining("'lb-a' is not an IP address")
                .hasMessageContaining("'eth 1' is not an interface name")
                .hasMessageContaining("port 0");
    }
}
