package io.ballast.agent;

import io.ballast.agent.config.AgentConfig;
import io.ballast.agent.config.AgentConfigReader;
import io.ballast.agent.state.SpecStore;
import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.json.SpecCodec;
import io.ballast.model.validate.Problem;
import io.ballast.model.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The spec the agent starts with: the stored one; else the config's initial spec, stored as
 * revision 1; else an empty SINGLE cluster at revision 0 that the first PUT replaces.
 */
final class InitialSpec {

    private InitialSpec() {
    }

    static ClusterSpec load(SpecStore store, AgentConfig config, Path configFile) throws Exception {
        Optional<ClusterSpec> stored = store.current();
        if (stored.isPresent()) {
            return stored.get();
        }
        if (config.initialSpec() == null) {
            return new ClusterSpec(ClusterSpec.SCHEMA_VERSION, config.nodeId(), ClusterForm.SINGLE, 0,
                    List.of(), List.of(), null);
        }
        Path file = AgentConfigReader.resolve(configFile, config.initialSpec());
        ClusterSpec spec = SpecCodec.read(Files.readString(file));
        List<Problem> problems = Validator.validate(spec);
        if (!problems.isEmpty()) {
            throw new IOException("initial spec " + file + " is not valid:\n" + problems.stream()
                    .map(p -> "  " + p).collect(Collectors.joining("\n")));
        }
        return store.commit(spec);
    }
}
