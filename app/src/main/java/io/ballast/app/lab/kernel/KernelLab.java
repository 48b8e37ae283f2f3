package io.ballast.app.lab.kernel;

import io.ballast.app.lab.LabForm;
import io.ballast.netns.HostTools;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Checks that this host can run the kernel lab, then builds its namespaces. */
public final class KernelLab {

    /** Commands the kernel lab drives, with the Debian package that brings each. */
    static final List<String[]> TOOLS = List.of(new String[] {"ip", "iproute2"}, new String[] {"nft", "nftables"},
            new String[] {"keepalived", "keepalived"});

    private KernelLab() {
    }

    /**
     * What this host lacks for {@code ballast lab --kernel}, in words (empty when nothing): Linux, root,
     * and the commands with their Debian packages.
     */
    public static List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            missing.add("Linux (network namespaces)");
            return missing;
        }
        if (!HostTools.isRoot()) {
            missing.add("root (CAP_NET_ADMIN to make namespaces, links and nftables tables)");
        }
        for (String[] tool : TOOLS) {
            if (!HostTools.onPath(tool[0])) {
                missing.add("command '" + tool[0] + "' (Debian: apt-get install " + tool[1] + ")");
            }
        }
        return missing;
    }

    /**
     * Builds the namespaces of {@code form} with {@code realServers} real servers; nothing is made when the
     * host lacks something.
     *
     * @throws KernelLabRefused naming everything that is missing
     */
    public static NamespaceHost prepare(LabForm form, int realServers) throws KernelLabRefused {
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            throw new KernelLabRefused("--kernel needs " + String.join(", ", missing)
                    + "; nothing was started. The lab without --kernel needs none of this.");
        }
        if (realServers < 1 || realServers > NamespaceHost.MAX_REAL_SERVERS) {
            throw new KernelLabRefused("--kernel runs 1 to " + NamespaceHost.MAX_REAL_SERVERS
                    + " real servers (--real-servers), not " + realServers + "; nothing was started.");
        }
        return NamespaceHost.build(form, realServers);
    }
}
