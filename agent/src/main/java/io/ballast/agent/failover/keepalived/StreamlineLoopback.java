package io.ballast.agent.failover.keepalived;

import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * STREAMLINE with direct routing: every node is a real server of the VIPs, and the master hands a
 * packet to a peer by its MAC with the VIP still the destination. So every node holds each such VIP
 * on {@code lo}, as any LVS-DR real server does, with ARP suppressed ({@code arp_ignore=1},
 * {@code arp_announce=2}): only the master, which keepalived gives the VIP on its VRRP interface,
 * answers ARP for it. The backup has no virtual service (see {@code reconcile.TargetTable}), so what
 * reaches it is served there, never balanced again.
 */
final class StreamlineLoopback {

    private static final long COMMAND_SECONDS = 30;

    private StreamlineLoopback() {
    }

    /** The VIPs this node must hold on lo: those of services with a real server forwarded by dr. */
    static List<String> vips(ClusterSpec spec) {
        if (spec.form() != ClusterForm.STREAMLINE) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (VirtualService service : spec.virtualServices()) {
            if (service.address() != null && forwardsByDr(service)) {
                out.add(service.address());
            }
        }
        return List.copyOf(out);
    }

    /** Sets the ARP sysctls and adds the VIPs to lo (both idempotent), in the node's namespace. */
    static void ensure(ClusterSpec spec, List<String> launcher) throws IOException {
        List<String> vips = vips(spec);
        if (vips.isEmpty()) {
            return;
        }
        run(launcher, List.of("sysctl", "-q", "-w", "net.ipv4.conf.all.arp_ignore=1",
                "net.ipv4.conf.all.arp_announce=2"));
        for (String vip : vips) {
            boolean v6 = vip.contains(":");
            run(launcher, List.of("ip", v6 ? "-6" : "-4", "addr", "replace", vip + (v6 ? "/128" : "/32"), "dev", "lo"));
        }
    }

    private static boolean forwardsByDr(VirtualService service) {
        for (RealServer server : service.realServers()) {
            ForwardingMethod method = server.forwarding() != null ? server.forwarding() : service.forwarding();
            if (method == ForwardingMethod.DR) {
                return true;
            }
        }
        return service.realServers().isEmpty() && service.forwarding() == ForwardingMethod.DR;
    }

    private static void run(List<String> launcher, List<String> command) throws IOException {
        List<String> argv = new ArrayList<>(launcher);
        argv.addAll(command);
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("'" + String.join(" ", command) + "' did not finish in " + COMMAND_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("a STREAMLINE node forwarding by dr needs its VIPs on lo with ARP suppressed, but '"
                        + String.join(" ", command) + "' failed: " + output);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running '" + String.join(" ", command) + "'", e);
        }
    }
}
