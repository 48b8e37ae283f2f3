package io.ballast.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.validate.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The examples in docs/examples are what operators copy: the good ones load cleanly, the broken ones fail where they say. */
class DocumentedExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "docs", "examples");

    @ParameterizedTest
    @ValueSource(strings = {"single.json", "ha-pair.json", "streamline.json"})
    void goodExampleLoadsWithoutProblems(String file) throws IOException {
        SpecLoader.LoadResult result = SpecLoader.load(read(EXAMPLES.resolve(file)));

        assertThat(result.problems()).isEmpty();
        assertThat(result.isValid()).isTrue();
    }

    static Stream<Arguments> brokenExamples() {
        return Stream.of(
                Arguments.of("ha-pair-same-priority.json", List.of("/directors/1/priority")),
                Arguments.of("streamline-windows-node.json", List.of("/virtualServices/0/realServers/1/os")),
                Arguments.of("streamline-missing-node.json", List.of("/virtualServices/1/realServers")),
                Arguments.of("bad-weight.json", List.of("/virtualServices/0/realServers/1/weight")),
                Arguments.of("unknown-field.json", List.of(
                        "/virtualServices/0/realServers/1/wieght", "/virtualServices/0/realServers/1/weight")),
                Arguments.of("bad-scheduler.json", List.of("/virtualServices/1/scheduler")),
                Arguments.of("schema-version-2.json", List.of("/schemaVersion")),
                Arguments.of("malformed.json", List.of("")),
                Arguments.of("dr-port-change.json", List.of("/virtualServices/1/realServers/1/port")),
                Arguments.of("many-problems.json", List.of(
                        "/directors/1/agentEndpoint",
                        "/failover/advertIntervalMs",
                        "/virtualServices/0/healthCheck/path",
                        "/virtualServices/2/schedulerFlags",
                        "/virtualServices/3/realServers/1/address")));
    }

    @ParameterizedTest
    @MethodSource("brokenExamples")
    void brokenExampleFailsAtExactlyTheNamedPaths(String file, List<String> paths) throws IOException {
        SpecLoader.LoadResult result = SpecLoader.load(read(EXAMPLES.resolve("broken").resolve(file)));

        assertThat(result.problems()).extracting(Problem::path).containsExactlyInAnyOrderElementsOf(paths);
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
        assertThat(result.isValid()).isFalse();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
