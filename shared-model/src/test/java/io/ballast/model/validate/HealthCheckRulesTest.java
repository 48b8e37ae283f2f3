package io.ballast.model.validate;

import static io.ballast.model.validate.Fixtures.editService;
import static io.ballast.model.validate.Fixtures.paths;
import static io.ballast.model.validate.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.CheckType;
import io.ballast.model.ClusterSpec;
import io.ballast.model.FailAction;
import io.ballast.model.HealthCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A health check must be able to run: positive timings, a timeout inside the interval, what its type needs. */
class HealthCheckRulesTest {

    private static ClusterSpec withCheck(HealthCheck check) {
        return editService(Fixtures.single(), 0, vs -> settings(vs, vs.scheduler(), null, null, check));
    }

    private static HealthCheck http(String path, List<Integer> statuses, String regex) {
        return new HealthCheck(CheckType.HTTP, 2000, 1000, 2, 3, null, path, null, statuses, regex, List.of(),
                FailAction.QUIESCE);
    }

    @Test
    void timingsMustBePositive() {
        assertThat(paths(withCheck(HealthCheck.tcp(0, 0, 0, -1)))).containsExactly(
                "/virtualServices/0/healthCheck/intervalMs", "/virtualServices/0/healthCheck/timeoutMs",
                "/virtualServices/0/healthCheck/rise", "/virtualServices/0/healthCheck/fall");
    }

    @Test
    void timeoutMustBeShorterThanTheInterval() {
        assertThat(Validator.validate(withCheck(HealthCheck.tcp(1000, 1000, 1, 1)))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/virtualServices/0/healthCheck/timeoutMs");
            assertThat(p.message()).contains("intervalMs");
        });
    }

    @Test
    void httpCheckNeedsAPathStartingWithSlash() {
        assertThat(paths(withCheck(http("healthz", List.of(), null))))
                .containsExactly("/virtualServices/0/healthCheck/path");
        assertThat(paths(withCheck(http(null, List.of(), null))))
                .containsExactly("/virtualServices/0/healthCheck/path");
    }

    @Test
    void expectedStatusesAreHttpStatuses() {
        assertThat(paths(withCheck(http("/", List.of(200, 99, 600), null)))).containsExactly(
                "/virtualServices/0/healthCheck/expectStatus/1", "/virtualServices/0/healthCheck/expectStatus/2");
    }

    @Test
    void bodyRegexMustCompile() {
        assertThat(Validator.validate(withCheck(http("/", List.of(), "ok(")))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/virtualServices/0/healthCheck/bodyRegex");
            assertThat(p.message()).contains("regular expression");
        });
    }

    @Test
    void wellFormedHttpCheckIsAccepted() {
        assertThat(Validator.validate(withCheck(http("/healthz", List.of(200, 204), "ok|ready")))).isEmpty();
    }

    @Test
    void scriptCheckNeedsACommand() {
        HealthCheck script = new HealthCheck(CheckType.SCRIPT, 2000, 1000, 1, 1, null, null, null, List.of(), null,
                List.of(), FailAction.REMOVE);

        assertThat(paths(withCheck(script))).containsExactly("/virtualServices/0/healthCheck/command");
    }

    @Test
    void checkPortRunsFromOneTo65535() {
        HealthCheck check = new HealthCheck(CheckType.TCP, 2000, 1000, 1, 1, 0, null, null, List.of(), null,
                List.of(), FailAction.QUIESCE);

        assertThat(paths(withCheck(check))).containsExactly("/virtualServices/0/healthCheck/port");
    }
}
