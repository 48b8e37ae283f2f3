package io.ballast.model.validate;

import static io.ballast.model.validate.Fixtures.addServer;
import static io.ballast.model.validate.Fixtures.editServer;
import static io.ballast.model.validate.Fixtures.paths;
import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.AdminState;
import io.ballast.model.ClusterSpec;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.OsType;
import io.ballast.model.RealServer;
import org.junit.jupiter.api.Test;

/** Real servers are literals of their service's family, appear once, and fit the forwarding method. */
class RealServerRulesTest {

    private static RealServer server(String address, int port, int weight, ForwardingMethod forwarding,
                                     int upper, int lower) {
        return new RealServer(null, address, port, weight, forwarding, upper, lower, OsType.LINUX, AdminState.ACTIVE);
    }

    @Test
    void weightRunsFromZeroTo65535() {
        ClusterSpec spec = editServer(Fixtures.single(), 0, 1, rs -> rs.withWeight(65536));

        assertThat(Validator.validate(spec)).singleElement()
                .hasToString("/virtualServices/0/realServers/1/weight: must be between 0 and 65535; it is 65536");
    }

    @Test
    void weightZeroIsAllowed() {
        assertThat(Validator.validate(editServer(Fixtures.single(), 0, 1, rs -> rs.withWeight(0)))).isEmpty();
    }

    @Test
    void portRunsFromZeroTo65535() {
        ClusterSpec spec = addServer(Fixtures.single(), 0, server("198.51.100.23", 70000, 1, null, 0, 0));

        assertThat(paths(spec)).containsExactly("/virtualServices/0/realServers/2/port");
    }

    @Test
    void addressMustBeALiteral() {
        ClusterSpec spec = addServer(Fixtures.single(), 0, server("web3.example.com", 8080, 1, null, 0, 0));

        assertThat(paths(spec)).containsExactly("/virtualServices/0/realServers/2/address");
    }

    @Test
    void addressMustBeOfTheServicesFamily() {
        ClusterSpec spec = addServer(Fixtures.single(), 1, server("198.51.100.23", 443, 1, null, 0, 0));

        assertThat(Validator.validate(spec)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/virtualServices/1/realServers/1/address");
            assertThat(p.message()).contains("inet6");
        });
    }

    @Test
    void firewallMarkServiceTakesRealServersOfItsDeclaredFamily() {
        ClusterSpec spec = addServer(Fixtures.single(), 2, server("2001:db8:1::52", 0, 1, null, 0, 0));

        assertThat(paths(spec)).containsExactly("/virtualServices/2/realServers/1/address");
    }

    @Test
    void duplicateRealServerIsReportedAtTheSecondOne() {
        ClusterSpec spec = addServer(Fixtures.single(), 0, server("198.51.100.21", 8080, 3, null, 0, 0));

        assertThat(Validator.validate(spec)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/virtualServices/0/realServers/2");
            assertThat(p.message()).contains("198.51.100.21:8080").contains("/virtualServices/0/realServers/0");
        });
    }

    @Test
    void sameAddressOnAnotherPortIsAnotherRealServer() {
        assertThat(Validator.validate(addServer(Fixtures.single(), 0, server("198.51.100.21", 8081, 3, null, 0, 0))))
                .isEmpty();
    }

    @Test
    void thresholdsAreNotNegativeAndLowerStaysBelowUpper() {
        ClusterSpec spec = addServer(Fixtures.single(), 0, server("198.51.100.23", 8080, 1, null, -1, 0));
        spec = addServer(spec, 0, server("198.51.100.24", 8080, 1, null, 100, 200));

        assertThat(paths(spec)).containsExactly("/virtualServices/0/realServers/2/upperThreshold",
                "/virtualServices/0/realServers/3/lowerThreshold");
    }

    @Test
    void lowerThresholdAloneIsAccepted() {
        assertThat(Validator.validate(addServer(Fixtures.single(), 0,
                server("198.51.100.23", 8080, 1, null, 0, 50)))).isEmpty();
    }

    @Test
    void directRoutingCannotChangeThePort() {
        ClusterSpec spec = addServer(Fixtures.single(), 1, server("2001:db8:1::22", 8443, 1, null, 0, 0));

        assertThat(Validator.validate(spec)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/virtualServices/1/realServers/1/port");
            assertThat(p.message()).contains("dr forwarding cannot change the port").contains("443");
        });
    }

    @Test
    void tunnelForwardingOfOneServerCannotChangeThePortEither() {
        ClusterSpec spec = addServer(Fixtures.single(), 0,
                server("198.51.100.23", 8080, 1, ForwardingMethod.TUN, 0, 0));

        assertThat(paths(spec)).containsExactly("/virtualServices/0/realServers/2/port");
    }

    @Test
    void natForwardingMayChangeThePort() {
        assertThat(Fixtures.single().virtualServices().get(0).port()).isNotEqualTo(8080);
        assertThat(Validator.validate(Fixtures.single())).isEmpty();
    }
}
