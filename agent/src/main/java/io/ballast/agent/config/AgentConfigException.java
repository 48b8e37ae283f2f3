package io.ballast.agent.config;

import io.ballast.model.validate.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The agent config is unusable; the message lists every problem with its path in the file. */
public class AgentConfigException extends Exception {

    private final List<Problem> problems;

    public AgentConfigException(Path file, List<Problem> problems) {
        super("agent config " + file + ":\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
