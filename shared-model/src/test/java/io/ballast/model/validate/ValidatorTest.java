package io.ballast.model.validate;

import static io.ballast.model.validate.Fixtures.paths;
import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.ClusterSpec;
import io.ballast.model.FailoverSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator's promises as a whole: every problem at once, each with a path and a sentence. */
class ValidatorTest {

    @Test
    void everyProblemIsReportedAtOnce() {
        ClusterSpec broken = Fixtures.withFailover(Fixtures.editServer(Fixtures.haPair(), 0, 0, rs -> rs.withWeight(-1)),
                new FailoverSettings(0, 105, true, 0, List.of(), false, List.of()));
        broken = new ClusterSpec(2, "", broken.form(), 1, broken.directors(), broken.virtualServices(),
                broken.failover());

        assertThat(paths(broken)).containsExactly("/schemaVersion", "/name", "/failover/vrid",
                "/failover/advertIntervalMs", "/virtualServices/0/realServers/0/weight");
    }

    @Test
    void everyProblemHasASentenceForTheOperator() {
        ClusterSpec broken = Fixtures.editServer(Fixtures.haPair(), 0, 0, rs -> rs.withWeight(-1));

        assertThat(Validator.validate(broken)).allSatisfy(p -> {
            assertThat(p.path()).startsWith("/");
            assertThat(p.message()).isNotBlank().doesNotContain("Exception");
        });
    }

    @Test
    void emptyTablesAreAcceptedSoAClusterCanBeBuiltUpStepByStep() {
        assertThat(Validator.validate(Fixtures.withServices(Fixtures.haPair()))).isEmpty();
    }

    @Test
    void specWithoutAnythingIsReportedWithoutThrowing() {
        ClusterSpec empty = new ClusterSpec(0, null, null, 0, null, null, null);

        assertThat(paths(empty)).containsExactly("/schemaVersion", "/name", "/form");
    }
}
