package io.ballast.agent.dataplane.nftables;

import io.ballast.agent.dataplane.DataPlane;
import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.dataplane.DataPlaneProvider;
import io.ballast.agent.dataplane.PlaneOptions;
import io.ballast.agent.dataplane.nftables.conntrack.ConntrackSync;
import io.ballast.agent.dataplane.nftables.conntrack.ConntrackdConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the nftables plane. Settings (all optional):
 * <ul>
 * <li>{@code table} — name of Ballast's table in family inet (default "ballast")</li>
 * <li>{@code netns} — run nft (and conntrackd) inside this network namespace (tests, the lab)</li>
 * <li>{@code nft} — the nft binary (default "nft")</li>
 * <li>{@code snat} — how replies find their way back ({@link SourceNat}): "masquerade" (each director's
 *     own address), "gateway" (SNAT to the gateway VIP, which moves with the VIPs), "none" (classic
 *     LVS-NAT: the real servers route through the gateway VIP and see the client's address), or the
 *     floating address(es) to SNAT to. Default: "gateway" when {@code gatewayVips} is set, else masquerade</li>
 * <li>{@code gatewayVips} — the cluster's gateway VIPs, comma-separated; the agent fills it in from an
 *     HA_PAIR spec's {@code failover.gatewayVips}</li>
 * <li>{@code forwarding} — "true" (default) sets net.ipv4.ip_forward and net.ipv6.conf.all.forwarding</li>
 * <li>{@code maxSlots} — slots per service for weighted schedulers (default 1024)</li>
 * <li>{@code counters} — how the counters are read: "netlink" (default; straight from the kernel, falling back
 *     to nft with a warning when netlink cannot be used) or "nft" ({@code nft list set}: ≈ 15× the CPU per sample, measured)</li>
 * <li>{@code fullCheckSeconds} — the drift check reads the whole table at least this often (default 300);
 *     in between it only looks whether the table is still the one it wrote</li>
 * <li>{@code conntrackd.local}, {@code conntrackd.peer}, {@code conntrackd.interface},
 *     {@code conntrackd.port} — start conntrackd for stateful failover</li>
 * <li>{@code conntrackd}, {@code conntrack} — the binaries (defaults "conntrackd", "conntrack"; the latter purges
 *     closed connections the peer synchronised when this director takes over)</li>
 * </ul>
 */
public final class NftablesProvider implements DataPlaneProvider {

    private static final long COMMAND_TIMEOUT_MS = 120_000;
    private static final Logger LOG = LoggerFactory.getLogger(NftablesProvider.class);

    @Override
    public String name() {
        return "nftables";
    }

    @Override
    public DataPlane open(PlaneOptions options) throws DataPlaneException {
        String table = options.setting("table", "ballast");
        if (!table.matches("[A-Za-z][A-Za-z0-9_]{0,31}")) {
            throw new DataPlaneException("The nftables table name '" + table + "' (setting \"table\") must start with"
                    + " a letter and hold only letters, digits and '_', at most 32 characters.");
        }
        SourceNat snat = SourceNat.fromSetting(options.setting("snat", null), options.setting("gatewayVips", null));
        boolean connectionSync = options.settings().containsKey("conntrackd.peer");
        if (connectionSync && snat.mode() == SourceNat.Mode.MASQUERADE) {
            throw new DataPlaneException("Connection sync (setting \"conntrackd.peer\") cannot keep NATed connections"
                    + " across a failover while \"snat\" is masquerade: each director masquerades to its own address,"
                    + " so a synchronised connection sends the real server's replies to the other director. Give the"
                    + " cluster a gateway VIP on the real servers' network (failover.gatewayVips; snat then defaults to"
                    + " it), or set snat to none and route the real servers through the gateway VIP.");
        }
        int maxSlots;
        try {
            maxSlots = Integer.parseInt(options.setting("maxSlots", "1024"));
        } catch (NumberFormatException e) {
            throw new DataPlaneException("The nftables setting \"maxSlots\" must be a whole number.");
        }
        if (maxSlots < 16 || maxSlots > 65536) {
            throw new DataPlaneException("The nftables setting \"maxSlots\" must be between 16 and 65536.");
        }
        long fullCheckSeconds;
        try {
            fullCheckSeconds = Long.parseLong(options.setting("fullCheckSeconds", "300"));
        } catch (NumberFormatException e) {
            throw new DataPlaneException("The nftables setting \"fullCheckSeconds\" must be a whole number of seconds.");
        }
        if (fullCheckSeconds < 0) {
            throw new DataPlaneException("The nftables setting \"fullCheckSeconds\" must be 0 (read whole on every check) or more.");
        }
        CommandRunner runner = new CommandRunner(options.setting("netns", null), COMMAND_TIMEOUT_MS);
        String nftBinary = options.setting("nft", "nft");
        CommandRunner.Result version = runner.run(List.of(nftBinary, "--version"), null);
        if (version.exitCode() != 0) {
            throw new DataPlaneException("The nftables plane cannot run here: '" + nftBinary + " --version' failed: "
                    + version.stderr().strip());
        }
        if (Boolean.parseBoolean(options.setting("forwarding", "true"))) {
            enableForwarding(runner);
        }
        ConntrackSync sync = null;
        if (connectionSync) {
            sync = ConntrackSync.start(conntrackdConfig(options), runner, options.setting("conntrackd", "conntrackd"),
                    options.setting("conntrack", "conntrack"));
        }
        NftCommand nft = new NftCommand(runner, nftBinary, COMMAND_TIMEOUT_MS);
        CounterReader counters;
        try {
            counters = CounterReader.choose(options.setting("counters", null), runner.netns(), table, nft, LOG::warn);
        } catch (DataPlaneException e) {
            nft.close();
            if (sync != null) {
                sync.close();
            }
            throw e;
        }
        NftablesDataPlane plane = new NftablesDataPlane(nft, new NftRulesetRenderer(table, snat, maxSlots), counters,
                sync, Duration.ofSeconds(fullCheckSeconds));
        LOG.info("nftables plane, table " + table + ": source NAT " + snat.describe() + "; counters read by "
                + counters.describe());
        try {
            plane.refreshSourceNat();
        } catch (DataPlaneException e) {
            plane.close();
            throw e;
        }
        return plane;
    }

    private static void enableForwarding(CommandRunner runner) throws DataPlaneException {
        CommandRunner.Result result = runner.run(
                List.of("sysctl", "-qw", "net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1"), null);
        if (result.exitCode() != 0) {
            throw new DataPlaneException("The nftables plane could not turn on IP forwarding"
                    + " (net.ipv4.ip_forward, net.ipv6.conf.all.forwarding): " + result.stderr().strip()
                    + ". Run the agent with CAP_NET_ADMIN or set \"forwarding\" to false and enable it yourself.");
        }
    }

    static ConntrackdConfig conntrackdConfig(PlaneOptions options) throws DataPlaneException {
        Path runDir = options.stateDir().resolve("conntrackd-" + options.nodeId());
        try {
            return new ConntrackdConfig(options.setting("conntrackd.local", null), options.setting("conntrackd.peer", null),
                    options.setting("conntrackd.interface", null),
                    Integer.parseInt(options.setting("conntrackd.port", String.valueOf(ConntrackdConfig.DEFAULT_PORT))),
                    runDir, List.of());
        } catch (NumberFormatException e) {
            throw new DataPlaneException("The nftables setting \"conntrackd.port\" must be a whole number.");
        } catch (IllegalArgumentException e) {
            throw new DataPlaneException(e.getMessage(), e);
        }
    }
}
