package io.ballast.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.model.validate.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigReaderTest {

    @TempDir
    Path dir;

    @Test
    void theShippedUserspaceExampleIsAValidConfig() throws Exception {
        Path example = Path.of("..", "docs", "examples", "agent-userspace.json");
        AgentConfig config = AgentConfigReader.read(example);
        assertThat(config.dataPlane()).isEqualTo("userspace");
        assertThat(config.listenAddress()).isEqualTo("127.0.0.1");
        assertThat(config.failoverEngine()).isEqualTo("single");
        Path spec = AgentConfigReader.resolve(example, config.initialSpec());
        assertThat(io.ballast.model.validate.Validator.validate(
                io.ballast.model.json.SpecCodec.read(Files.readString(spec)))).isEmpty();
    }

    @Test
    void unknownFieldIsRefusedWithItsPathAndLine() throws Exception {
        Path file = Files.writeString(dir.resolve("a.json"), """
                {"nodeId": "a", "listenPort": 9443, "stateDir": "s", "dataPlane": "userspace",
                 "dataPlaneSettings": {"x": "y"},
                 "listenAdress": "127.0.0.1"}
                """);
        assertThatThrownBy(() -> AgentConfigReader.read(file))
                .isInstanceOf(AgentConfigException.class)
                .satisfies(e -> {
                    Problem p = ((AgentConfigException) e).problems().get(0);
                    assertThat(p.path()).isEqualTo("/listenAdress");
                    assertThat(p.message()).contains("line 3");
                });
    }

    @Test
    void missingRequiredSettingsAreAllNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("a.json"), "{}");
        assertThatThrownBy(() -> AgentConfigReader.read(file))
                .isInstanceOf(AgentConfigException.class)
                .satisfies(e -> assertThat(((AgentConfigException) e).problems()).extracting(Problem::path)
                        .contains("/nodeId", "/stateDir", "/dataPlane", "/listenPort"));
    }
}
