package io.ballast.agent.dataplane.nftables.conntrack;

import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.dataplane.nftables.CommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.logging.Logger;

/**
 * Stateful failover for the nftables plane: writes conntrackd's configuration, keeps the daemon
 * running, and on a role change tells it: the new master re-announces every connection its kernel
 * holds (its own and those the peer synchronised into it); a new backup asks the master for a full
 * resynchronisation. Unlike keepalived's primary-backup.sh nothing is committed at takeover: the
 * peer's connections are injected into the kernel as they arrive ({@link ConntrackdConfig}).
 */
public final class ConntrackSync implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ConntrackSync.class.getName());

    private static final long READY_TIMEOUT_MS = 10_000;

    private final ConntrackdConfig config;
    private final CommandRunner runner;
    private final String conntrackd;
    private final ProcessSupervisor supervisor;

    private ConntrackSync(ConntrackdConfig config, CommandRunner runner, String conntrackd, ProcessSupervisor supervisor) {
        this.config = config;
        this.runner = runner;
        this.conntrackd = conntrackd;
        this.supervisor = supervisor;
    }

    /** Writes the configuration and starts conntrackd under supervision. */
    public static ConntrackSync start(ConntrackdConfig config, CommandRunner runner, String conntrackd)
            throws DataPlaneException {
        try {
            Files.createDirectories(config.runDir());
            Files.writeString(config.configFile(), config.render());
            Files.deleteIfExists(config.runDir().resolve("conntrackd.lock"));
        } catch (IOException e) {
            throw new DataPlaneException("Could not write the conntrackd configuration in " + config.runDir()
                    + ": " + e.getMessage(), e);
        }
        List<String> argv = runner.argv(List.of(conntrackd, "-C", config.configFile().toString()));
        ProcessSupervisor supervisor = ProcessSupervisor.start("conntrackd", argv,
                config.runDir().resolve("conntrackd.out"));
        ConntrackSync sync = new ConntrackSync(config, runner, conntrackd, supervisor);
        sync.awaitReady(READY_TIMEOUT_MS);
        return sync;
    }

    /** Waits until the daemon answers on its control socket; a daemon that never does is stopped. */
    private void awaitReady(long timeoutMs) throws DataPlaneException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        DataPlaneException last = null;
        while (System.nanoTime() < deadline) {
            try {
                control("-s");
                return;
            } catch (DataPlaneException e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new DataPlaneException("conntrackd did not come up within " + timeoutMs + " ms (see "
                + config.runDir().resolve("conntrackd.out") + " and conntrackd.log there)"
                + (last == null ? "." : ": " + last.getMessage()), last);
    }

    public ConntrackdConfig config() {
        return config;
    }

    public boolean running() {
        return supervisor.running();
    }

    /**
     * Master: the peer's connections are already in the kernel (no external cache), so re-read the
     * kernel table into the internal cache and send the peer everything we now carry. Backup: ask the
     * master for a full resynchronisation, which lands in the kernel too.
     */
    public void roleChanged(boolean active) throws DataPlaneException {
        if (active) {
            control("-R");
            control("-B");
        } else {
            control("-n");
        }
    }

    /** Runs {@code conntrackd -C conf FLAG} against the running daemon; a failure is a sentence. */
    public String control(String flag) throws DataPlaneException {
        CommandRunner.Result result = runner.run(List.of(conntrackd, "-C", config.configFile().toString(), flag), null);
        if (result.exitCode() != 0) {
            throw new DataPlaneException("conntrackd " + flag + " failed (exit " + result.exitCode() + "): "
                    + result.stderr().strip());
        }
        return result.stdout();
    }

    @Override
    public void close() {
        supervisor.close();
        LOG.fine("conntrackd stopped");
    }
}
