package io.ballast.app.lab;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the lab finds the programs it starts: this JVM's java, its class path, the agent's jar. */
public final class LabPaths {

    private LabPaths() {
    }

    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    public static String classPath() {
        return System.getProperty("java.class.path");
    }

    /**
     * The agent's jar: {@code -Dballast.home} (set by the launcher), else found upwards from the working
     * directory (tests run inside a module).
     */
    public static Path agentJar() throws FileNotFoundException {
        String home = System.getProperty("ballast.home");
        Path start = home != null ? Path.of(home) : Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path jar = dir.resolve("agent/target/ballast-agent.jar");
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        throw new FileNotFoundException("the agent is not built (no agent/target/ballast-agent.jar above " + start
                + "); run ./ballast once or mvn -B -DskipTests package");
    }
}
