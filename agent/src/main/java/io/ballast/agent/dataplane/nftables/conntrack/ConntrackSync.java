package io.ballast.agent.dataplane.nftables.conntrack;

import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.dataplane.nftables.CommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stateful failover for the nftables plane: writes conntrackd's configuration, keeps the daemon
 * running, and on a role change tells it: the new master first drops the closed connections the peer
 * synchronised (see {@link #purgeClosedConnections}), then re-announces every connection its kernel
 * holds; a new backup forgets what it announced as master and asks the master for a full
 * resynchronisation. Unlike keepalived's primary-backup.sh nothing is committed at takeover: the
 * peer's connections are injected into the kernel as they arrive ({@link ConntrackdConfig}).
 */
public final class ConntrackSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConntrackSync.class);

    private static final long READY_TIMEOUT_MS = 10_000;

    private final ConntrackdConfig config;
    private final CommandRunner runner;
    private final String conntrackd;
    private final String conntrack;
    private final ProcessSupervisor supervisor;

    private ConntrackSync(ConntrackdConfig config, CommandRunner runner, String conntrackd, String conntrack,
                          ProcessSupervisor supervisor) {
        this.config = config;
        this.runner = runner;
        this.conntrackd = conntrackd;
        this.conntrack = conntrack;
        this.supervisor = supervisor;
    }

    /**
     * Writes the configuration and starts conntrackd under supervision.
     *
     * @param conntrack the conntrack tool, which purges closed connections at takeover
     */
    public static ConntrackSync start(ConntrackdConfig config, CommandRunner runner, String conntrackd,
                                      String conntrack) throws DataPlaneException {
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
        ConntrackSync sync = new ConntrackSync(config, runner, conntrackd, conntrack, supervisor);
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
     * Master: drop the closed connections the peer synchronised, then (the peer's live connections are
     * already in the kernel, no external cache) re-read the kernel table into the internal cache and send
     * the peer everything we now carry. Backup: forget the internal cache — what this director announced
     * while it was master — and ask the master for a full resynchronisation, which lands in the kernel too.
     *
     * <p>Why the cache is forgotten: conntrackd reports the expiry of every entry in its internal cache to
     * the peer — after a takeover that is the whole kernel table — and the peer deletes its entry with the
     * same addresses and ports, whatever connection that is by then. A new backup's leftovers (its closed
     * connections live on for the kernel's 120 s TIME_WAIT) could so delete a live connection of the new
     * master from a client that reused the port. conntrackd replaces the leftover on the backup when the
     * master's new connection is synchronised, so the window is short, but nothing the old master tracked
     * needs reporting once it is backup.
     */
    public void roleChanged(boolean active) throws DataPlaneException {
        if (active) {
            purgeClosedConnections();
            control("-R");
            control("-B");
        } else {
            control("-f", "internal");
            control("-n");
        }
    }

    /**
     * Deletes the load-balanced (destination-NATed) TCP connections in TIME_WAIT or CLOSE from the kernel
     * table. They carry no data any more, yet conntrackd synchronises them both ways, so without this both
     * directors end up holding every connection of the last two minutes (thousands under a busy client)
     * and hand them over again at every resync. And they are wrong for a client that reuses a source port:
     * the kernel balances a SYN on a closed entry afresh only if it saw the close itself (a flag in the
     * entry's TCP state that conntrackd does not carry); on an entry conntrackd injected, the SYN is
     * "ignored" and forwarded along the dead connection's NAT binding, to its old real server. (The old
     * server answered such SYNs in every check made here, so this was not shown to fail a request; it is
     * removed because a closed connection is worth nothing to the new master.) A failure here is logged,
     * not raised: the takeover must go on.
     */
    private void purgeClosedConnections() {
        for (String state : List.of("TIME_WAIT", "CLOSE")) {
            try {
                CommandRunner.Result result = runner.run(
                        List.of(conntrack, "-D", "-p", "tcp", "--state", state, "--dst-nat"), null);
                // conntrack exits 1 when nothing matched ("0 flow entries have been deleted").
                if (result.exitCode() != 0 && !result.stderr().contains(" 0 flow entries")) {
                    LOG.warn("could not purge closed connections (" + state + ") at takeover: "
                            + result.stderr().strip());
                }
            } catch (DataPlaneException e) {
                LOG.warn("could not purge closed connections (" + state + ") at takeover: " + e.getMessage());
            }
        }
    }

    /** Runs {@code conntrackd -C conf ARGS…} against the running daemon; a failure is a sentence. */
    public String control(String... args) throws DataPlaneException {
        List<String> command = new ArrayList<>(List.of(conntrackd, "-C", config.configFile().toString()));
        command.addAll(List.of(args));
        CommandRunner.Result result = runner.run(command, null);
        if (result.exitCode() != 0) {
            throw new DataPlaneException("conntrackd " + String.join(" ", args) + " failed (exit " + result.exitCode()
                    + "): " + result.stderr().strip());
        }
        return result.stdout();
    }

    @Override
    public void close() {
        supervisor.close();
        LOG.debug("conntrackd stopped");
    }
}
