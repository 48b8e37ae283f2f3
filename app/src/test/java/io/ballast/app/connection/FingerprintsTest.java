package io.ballast.app.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FingerprintsTest {

    private static final String HEX = "0123456789abcdef".repeat(4);

    @Test
    void colonSeparatedUpperCaseAndPlainHexAreTheSameFingerprint() {
        String colons = Fingerprints.display(HEX);
        assertThat(colons).startsWith("01:23:45").hasSize(95);
        assertThat(Fingerprints.normalise(colons)).isEqualTo(HEX);
        assertThat(Fingerprints.normalise("SHA256=" + HEX.toUpperCase())).isEqualTo(HEX);
        assertThat(Fingerprints.normalise(" sha256/" + colons + " ")).isEqualTo(HEX);
    }

    @Test
    void shortOrNonHexTextIsRefusedWithASentence() {
        assertThatThrownBy(() -> Fingerprints.normalise("abc"))
                .hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> Fingerprints.normalise(" "))
                .hasMessageContaining("empty");
    }

    @Test
    void endpointNeverShowsTheToken() {
        AgentEndpoint endpoint = AgentEndpoint.of("192.0.2.11:9443", "very-secret", HEX);
        assertThat(endpoint.toString()).doesNotContain("very-secret").isEqualTo("https://192.0.2.11:9443");
        assertThat(new SavedCluster("c", "very-secret", java.util.List.of()).toString()).doesNotContain("very-secret");
    }

    @Test
    void plainHttpAgentAddressIsRefused() {
        assertThatThrownBy(() -> AgentEndpoint.of("http://192.0.2.11:9443", "t", null)).hasMessageContaining("HTTPS only");
    }

    @Test
    void ipv6AgentAddressKeepsItsBrackets() {
        assertThat(AgentEndpoint.of("[2001:db8::11]:9443", "t", null).baseUri().getHost()).isEqualTo("[2001:db8::11]");
    }
}
