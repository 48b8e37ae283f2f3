package io.ballast.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.ballast.model.ClusterSpec;
import io.ballast.model.generators.SpecArbitraries;
import io.ballast.model.json.SpecCodec;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;

/** Whatever a spec holds, the validator answers without throwing, and its paths point into the spec's JSON. */
@PropertyDefaults(tries = 200, edgeCases = EdgeCasesMode.NONE)
class ValidatorPropertiesTest {

    @Provide
    Arbitrary<ClusterSpec> specs() {
        return SpecArbitraries.specs();
    }

    @Property
    void everyProblemPathLeadsIntoTheWrittenJson(@ForAll("specs") ClusterSpec spec) throws Exception {
        JsonNode json = SpecCodec.mapper().readTree(SpecCodec.write(spec));

        for (Problem problem : Validator.validate(spec)) {
            JsonPointer pointer = JsonPointer.compile(problem.path());
            // A missing value's path names where it belongs: its parent must be there.
            JsonNode target = json.at(pointer).isMissingNode() ? json.at(pointer.head()) : json.at(pointer);
            assertThat(target.isMissingNode()).as("%s points outside the spec's JSON", problem).isFalse();
            assertThat(problem.message()).isNotBlank();
        }
    }
}
