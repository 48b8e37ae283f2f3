package io.ballast.agent.failover.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerSettingsTest {

    private static final String PRINTED = "AB:CD:EF:01".repeat(8).replace("01AB", "01:AB");

    @Test
    void pinAsTheAgentPrintsItIsAcceptedAndTheTokenIsReadBesideTheConfig(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("peer.token"), "s3cret\n");
        PeerSettings settings = PeerSettings.from(
                Map.of("peerTokenFile", "peer.token", "peerFingerprint.lb-b", PRINTED), dir);
        assertThat(settings.token()).contains("s3cret");
        assertThat(settings.fingerprints()).containsEntry("lb-b", "abcdef01".repeat(8));
        assertThat(settings.pollMillis()).isEqualTo(250);
    }

    @Test
    void mistypedPinIsAConfigErrorNamingItsKey() {
        assertThatThrownBy(() -> PeerSettings.from(Map.of("peerFingerprint.lb-b", "AB:CD"), null))
                .hasMessageStartingWith("failoverSettings.peerFingerprint.lb-b: ")
                .hasMessageContaining("64 hex digits");
    }

    @Test
    void nonPositiveIntervalIsAConfigErrorNamingItsKey() {
        assertThatThrownBy(() -> PeerSettings.from(Map.of("peerPollMillis", "0"), null))
                .hasMessageContaining("failoverSettings.peerPollMillis must be a positive number");
    }
}
