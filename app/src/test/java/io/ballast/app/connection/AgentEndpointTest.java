package io.ballast.app.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AgentEndpointTest {

    private static final String HEX = "0123456789abcdef".repeat(4);

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
