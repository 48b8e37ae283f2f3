package io.ballast.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.validate.Problem;
import org.junit.jupiter.api.Test;

/** One call gives the CLI either a usable spec or every problem: reading and validation alike. */
class SpecLoaderTest {

    private static final String VALID = """
            {
              "schemaVersion": 1,
              "name": "lab",
              "form": "SINGLE",
              "directors": [{"id": "lb-1", "address": "192.0.2.11", "agentEndpoint": "https://192.0.2.11:9443"}],
              "virtualServices": [{"protocol": "TCP", "address": "203.0.113.10", "port": 80, "scheduler": "rr",
                "realServers": [{"address": "198.51.100.21", "port": 80, "weight": %d}]}]
            }
            """;

    @Test
    void validDocumentGivesASpecAndNoProblems() {
        SpecLoader.LoadResult result = SpecLoader.load(VALID.formatted(5));

        assertThat(result.isValid()).isTrue();
        assertThat(result.spec().virtualServices().get(0).realServers().get(0).weight()).isEqualTo(5);
    }

    @Test
    void ruleBreakGivesTheSpecAndItsProblems() {
        SpecLoader.LoadResult result = SpecLoader.load(VALID.formatted(70000));

        assertThat(result.isValid()).isFalse();
        assertThat(result.spec()).isNotNull();
        assertThat(result.problems()).extracting(Problem::path)
                .containsExactly("/virtualServices/0/realServers/0/weight");
    }

    @Test
    void unreadableDocumentGivesNoSpecAndItsProblems() {
        SpecLoader.LoadResult result = SpecLoader.load(VALID.formatted(5).replace("\"rr\"", "\"rr\",,"));

        assertThat(result.spec()).isNull();
        assertThat(result.isValid()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("line 6,"));
    }
}
