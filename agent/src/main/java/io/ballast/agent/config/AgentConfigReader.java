package io.ballast.agent.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.ballast.agent.json.JsonProblems;
import io.ballast.model.validate.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads an {@link AgentConfig}; unknown fields and missing required ones are refused with their path. */
public final class AgentConfigReader {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private AgentConfigReader() {
    }

    public static AgentConfig read(Path file) throws AgentConfigException {
        AgentConfig config;
        try {
            config = MAPPER.readValue(Files.readString(file), AgentConfig.class);
        } catch (JsonProcessingException e) {
            throw new AgentConfigException(file, List.of(JsonProblems.of(e)));
        } catch (NoSuchFileException e) {
            throw new AgentConfigException(file, List.of(new Problem("", "the file does not exist")));
        } catch (IOException e) {
            throw new AgentConfigException(file, List.of(new Problem("", "cannot be read: " + e.getMessage())));
        }
        List<Problem> problems = new ArrayList<>();
        require(problems, config.nodeId(), "/nodeId", "names this director, e.g. \"lb-a\"");
        require(problems, config.stateDir(), "/stateDir", "is where the agent keeps its state, e.g. \"/var/lib/ballast-agent\"");
        require(problems, config.dataPlane(), "/dataPlane", "is \"userspace\", \"nftables\" or \"ipvs\"");
        if (config.listenPort() == null) {
            problems.add(new Problem("/listenPort", "is required: it is the HTTPS API's port, e.g. 9443"));
        } else if (config.listenPort() < 1 || config.listenPort() > 65535) {
            problems.add(new Problem("/listenPort", "must be between 1 and 65535, was " + config.listenPort()));
        }
        if (config.reconcileIntervalSeconds() < 1) {
            problems.add(new Problem("/reconcileIntervalSeconds", "must be at least 1"));
        }
        if (!problems.isEmpty()) {
            throw new AgentConfigException(file, problems);
        }
        return config;
    }

    /** A path from the config, relative to the config file's directory. */
    public static Path resolve(Path configFile, String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : configFile.toAbsolutePath().getParent().resolve(p).normalize();
    }

    private static void require(List<Problem> problems, String value, String path, String what) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(path, "is required: it " + what));
        }
    }
}
