package io.ballast.model.keepalived;

import io.ballast.model.CheckType;
import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.VirtualService;
import java.util.ArrayList;
import java.util.List;

/**
 * A Ballast cluster to a complete keepalived.conf for one of its directors, for operators who
 * leave Ballast: global_defs, the VRRP part (sync group and instances, as the agent would run it
 * but without the agent's FIFO and track file) and one virtual_server block per service with its
 * checkers. What keepalived cannot hold (names, drained servers' weights, rise) is listed in the
 * file's header, so nothing is lost silently.
 */
public final class KeepalivedExporter {

    private KeepalivedExporter() {
    }

    /**
     * The configuration for {@code self}. A SINGLE cluster gets no VRRP (its VIPs must be configured
     * on the director's interface).
     *
     * @throws IllegalArgumentException with a sentence when the spec cannot be written for this director
     */
    public static String export(ClusterSpec spec, Director self) {
        return export(spec, self, null);
    }

    /**
     * As {@link #export(ClusterSpec, Director)}, with {@code script_user} set to {@code scriptUser} when a
     * service uses a script check (keepalived's default, {@code keepalived_script}, must otherwise exist).
     */
    public static String export(ClusterSpec spec, Director self, String scriptUser) {
        List<ConfNode> nodes = new ArrayList<>();
        boolean vrrp = spec.form() != ClusterForm.SINGLE && spec.failover() != null;
        VrrpOptions options = VrrpOptions.standalone();
        // Built first: it refuses a director without address, interface or peer before anything uses them.
        List<ConfNode> vrrpNodes = vrrp ? VrrpBlocks.vrrp(spec, self, options) : List.of();
        List<ConfNode> globals = new ArrayList<>(VrrpBlocks.globalDefs(self, options, vrrp));
        if (vrrp && spec.failover().connectionSync()) {
            globals.add(ConfStatement.of("lvs_sync_daemon", self.iface(), "inst", VrrpBlocks.VIP_INSTANCE));
        }
        boolean scripts = spec.virtualServices().stream()
                .anyMatch(s -> s.healthCheck() != null && s.healthCheck().type() == CheckType.SCRIPT);
        if (scripts) {
            // keepalived refuses to run check scripts unless script security is on.
            globals.add(ConfStatement.of("enable_script_security"));
            if (scriptUser != null) {
                globals.add(ConfStatement.of("script_user", scriptUser));
            }
        }
        nodes.add(ConfStatement.block("global_defs", List.of(), globals));
        nodes.addAll(vrrpNodes);
        VirtualServerBlocks blocks = new VirtualServerBlocks();
        for (VirtualService service : spec.virtualServices()) {
            nodes.add(blocks.block(service));
        }
        List<String> header = new ArrayList<>();
        header.add("keepalived configuration for director " + self.id() + " of cluster " + spec.name() + " ("
                + spec.form() + "), exported from Ballast at revision " + spec.revision() + ".");
        if (spec.form() == ClusterForm.SINGLE) {
            header.add("SINGLE: no VRRP; the VIPs must be configured on this director's interface.");
        }
        if (!blocks.losses().isEmpty()) {
            header.add("Not expressible in keepalived.conf:");
            blocks.losses().forEach(loss -> header.add("  " + loss));
        }
        return KeepalivedWriter.write(nodes, header);
    }
}
