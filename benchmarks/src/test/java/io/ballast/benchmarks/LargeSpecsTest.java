package io.ballast.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.ClusterSpec;
import io.ballast.model.plan.Plan;
import io.ballast.model.plan.Planner;
import io.ballast.model.validate.Validator;
import org.junit.jupiter.api.Test;

/** The benchmark's input is what it claims: the target's size, valid, repeatable, and 1 % apart. */
class LargeSpecsTest {

    private static final ClusterSpec SPEC = LargeSpecs.generate(7);

    @Test
    void hasTheTargetsNumberOfServicesAndRealServers() {
        assertThat(SPEC.virtualServices()).hasSize(LargeSpecs.SERVICES);
        assertThat(SPEC.virtualServices().stream().mapToInt(vs -> vs.realServers().size()).sum())
                .isEqualTo(LargeSpecs.REAL_SERVERS);
    }

    @Test
    void isAValidSpec() {
        assertThat(Validator.validate(SPEC)).isEmpty();
    }

    @Test
    void sameSeedGivesTheSameSpec() {
        assertThat(LargeSpecs.generate(7)).isEqualTo(SPEC);
        assertThat(LargeSpecs.generate(8)).isNotEqualTo(SPEC);
    }

    @Test
    void changingOnePercentTouchesThatManyRealServers() {
        int changed = LargeSpecs.REAL_SERVERS / 100;
        ClusterSpec other = LargeSpecs.withChangedRealServers(SPEC, changed, 9);

        Plan plan = Planner.between(SPEC, other);

        // A replaced server is one removal plus one addition; every other change is one operation.
        assertThat(plan.size()).isBetween(changed, changed * 2);
        assertThat(plan.operations().stream().map(op -> op.service()).distinct().count()).isLessThanOrEqualTo(changed);
        assertThat(Validator.validate(other)).isEmpty();
    }
}
