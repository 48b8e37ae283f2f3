package io.ballast.agent.testsupport.netns;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ballast.model.api.AgentEvent;
import io.ballast.model.api.AgentStatus;
import io.ballast.model.api.Role;
import io.ballast.model.json.SpecCodec;
import io.ballast.netns.Netns;
import io.ballast.netns.NetnsLab;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Ballast agent process running inside a director namespace ({@code ip netns exec … java … AgentMain}),
 * with the test class path, and a curl-based view of its API from inside that namespace.
 */
public final class AgentProcess {

    private static final ObjectMapper JSON = SpecCodec.mapper().copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Netns ns;
    private final String apiAddress;
    private final Path config;
    private final Path tokenFile;
    private final String token;
    private Process process;

    AgentProcess(Netns ns, String apiAddress, Path config, Path tokenFile, String token) {
        this.ns = ns;
        this.apiAddress = apiAddress;
        this.config = config;
        this.tokenFile = tokenFile;
        this.token = token;
    }

    /** Starts the JVM and waits (up to 60 s) until its API answers. */
    public void start() {
        List<String> argv = new ArrayList<>(List.of(java(), "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.showDateTime=true", "-cp", classPath(), "io.ballast.agent.AgentMain",
                "--config", config.toString(), "--token-file", tokenFile.toString()));
        process = ns.spawn(argv.toArray(String[]::new));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the agent in " + ns.name() + " exited with " + process.exitValue()
                        + "; see " + ns.name() + "-*.log in the temp directory");
            }
            if (ns.exec("curl", "-sk", "--max-time", "1", "https://" + apiAddress + ":9443/healthz").exitCode() == 0) {
                return;
            }
            NetnsLab.sleep(200);
        }
        throw new AssertionError("the agent in " + ns.name() + " did not answer within 60 s");
    }

    public Netns namespace() {
        return ns;
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** The agent's status, or empty when it does not answer. */
    public Optional<AgentStatus> status() {
        Netns.Result r = get("/api/v1/status");
        if (r.exitCode() != 0 || r.stdout().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(r.stdout(), AgentStatus.class));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    public Role role() {
        return status().map(AgentStatus::role).orElse(null);
    }

    /** Every journal entry so far (empty when the agent does not answer). */
    public List<AgentEvent> events() {
        Netns.Result r = get("/api/v1/events?since=0&limit=10000");
        if (r.exitCode() != 0) {
            return List.of();
        }
        try {
            return JSON.readValue(r.stdout(), new TypeReference<List<AgentEvent>>() { });
        } catch (Exception e) {
            return List.of();
        }
    }

    public List<AgentEvent> events(String kind) {
        return events().stream().filter(e -> e.kind().equals(kind)).toList();
    }

    /** POST with the token; answers curl's output (status code on the last line). */
    public Netns.Result post(String path) {
        return ns.exec("curl", "-sk", "--max-time", "5", "-w", "\n%{http_code}", "-X", "POST",
                "-H", "Authorization: Bearer " + token, "https://" + apiAddress + ":9443" + path);
    }

    private Netns.Result get(String path) {
        return ns.exec("curl", "-sk", "--max-time", "2", "-H", "Authorization: Bearer " + token,
                "https://" + apiAddress + ":9443" + path);
    }

    /** SIGKILL, as a crash would. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
