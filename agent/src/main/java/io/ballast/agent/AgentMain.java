package io.ballast.agent;

import io.ballast.agent.config.AgentConfig;
import io.ballast.agent.config.AgentConfigException;
import io.ballast.agent.config.AgentConfigReader;
import io.ballast.agent.health.HealthMonitor;
import io.ballast.agent.health.HealthMonitors;
import io.ballast.agent.security.TlsIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ballast-agent --config FILE [--token-file FILE]}: runs the agent until it is stopped. */
@Command(name = "ballast-agent", mixinStandardHelpOptions = true,
        description = "Runs a Ballast director agent: data plane, failover, health checks and the HTTPS API.")
public final class AgentMain implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(AgentMain.class);

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "agent config (JSON)")
    Path config;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "file holding the API token to use; its hash replaces the stored one")
    Path tokenFile;

    @Option(names = "--exit-with-parent",
            description = "stop when the process that started this agent exits (the lab uses it, so no agent outlives it)")
    boolean exitWithParent;

    @Option(names = "--print-fingerprint",
            description = "make this agent's TLS key if there is none, print its certificate's SHA-256 fingerprint"
                    + " (what peers pin as failoverSettings.peerFingerprint.<id>) and exit")
    boolean printFingerprint;

    public static void main(String[] args) {
        System.exit(new CommandLine(new AgentMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        AgentConfig settings;
        try {
            settings = AgentConfigReader.read(config);
        } catch (AgentConfigException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (printFingerprint) {
            Path stateDir = StateDirectory.prepare(AgentConfigReader.resolve(config, settings.stateDir()));
            System.out.println(TlsIdentity.loadOrCreate(stateDir, settings.nodeId()).fingerprint());
            return 0;
        }
        Optional<String> token = tokenFile == null ? Optional.empty()
                : Optional.of(Files.readString(tokenFile).trim());
        Agent agent;
        try {
            agent = Agent.start(settings, config, token, healthMonitor(), System.out::println);
        } catch (io.ballast.agent.dataplane.DataPlaneException | io.ballast.agent.failover.FailoverException
                 | java.io.IOException e) {
            System.err.println("ballast-agent " + settings.nodeId() + " cannot start: " + e.getMessage());
            return 1;
        }
        System.out.println("ballast-agent " + settings.nodeId() + " listening on https://" + settings.listenAddress()
                + ":" + agent.port() + " (certificate SHA-256 " + agent.fingerprint() + ")");
        if (exitWithParent) {
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
                LOG.info("parent process {} is gone; stopping", parent.pid());
                System.exit(0);
            }));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            agent.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }

    private static HealthMonitor healthMonitor() {
        try {
            return HealthMonitors.standard();
        } catch (UnsupportedOperationException e) {
            LOG.warn("this build has no health checkers ({}); every real server counts as up and shows as unchecked",
                    e.getMessage());
            return new NoHealthChecks();
        }
    }
}
