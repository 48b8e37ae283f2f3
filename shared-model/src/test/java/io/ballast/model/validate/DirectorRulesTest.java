package io.ballast.model.validate;

import static io.ballast.model.validate.Fixtures.paths;
import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import org.junit.jupiter.api.Test;

/** Directors are named once, addressed by literal IPs, and reached over HTTPS. */
class DirectorRulesTest {

    @Test
    void directorIdsAreUnique() {
        ClusterSpec spec = Fixtures.withDirectors(Fixtures.haPair(),
                Fixtures.director("lb-a", "192.0.2.11", 150), Fixtures.director("lb-a", "192.0.2.12", 100));

        assertThat(Validator.validate(spec)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/directors/1/id");
            assertThat(p.message()).contains("'lb-a'").contains("/directors/0");
        });
    }

    @Test
    void directorNeedsAnId() {
        ClusterSpec spec = Fixtures.withDirectors(Fixtures.single(),
                new Director(" ", "192.0.2.11", "https://192.0.2.11:9443", 100, "eth0"));

        assertThat(paths(spec)).containsExactly("/directors/0/id");
    }

    @Test
    void directorAddressIsALiteralNotAHostName() {
        ClusterSpec spec = Fixtures.withDirectors(Fixtures.single(),
                new Director("lb-1", "lb1.example.com", "https://192.0.2.11:9443", 100, "eth0"));

        assertThat(paths(spec)).containsExactly("/directors/0/address");
    }

    @Test
    void ipv6DirectorAddressIsAccepted() {
        ClusterSpec spec = Fixtures.withDirectors(Fixtures.single(),
                new Director("lb-1", "2001:db8::11", "https://[2001:db8::11]:9443", 100, "eth0"));

        assertThat(Validator.validate(spec)).isEmpty();
    }

    @Test
    void agentEndpointMustBeHttps() {
        ClusterSpec spec = Fixtures.withDirectors(Fixtures.single(),
                new Director("lb-1", "192.0.2.11", "http://192.0.2.11:9443", 100, "eth0"));

        assertThat(Validator.validate(spec)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/directors/0/agentEndpoint");
            assertThat(p.message()).contains("https");
        });
    }

    @Test
    void agentEndpointMustBeAUrl() {
        ClusterSpec spec = Fixtures.withDirectors(Fixtures.single(),
                new Director("lb-1", "192.0.2.11", "https://bad host:9443", 100, "eth0"));

        assertThat(paths(spec)).containsExactly("/directors/0/agentEndpoint");
    }
}
