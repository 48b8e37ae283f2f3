package io.ballast.agent.dataplane.ipvs;

import io.ballast.agent.dataplane.DataPlane;
import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.dataplane.DataPlaneProvider;
import io.ballast.agent.dataplane.PlaneOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Opens the IPVS plane. Settings: {@code ipvsadm} (path, default "ipvsadm"), {@code loadModules}
 * ("true" tries {@code modprobe ip_vs} when the kernel has not loaded it), {@code sysctls} ("false"
 * leaves the drain sysctls alone), {@code sync} ("true" runs the connection-sync daemon) with
 * {@code syncId} and {@code syncInterface}.
 */
public final class IpvsDataPlaneProvider implements DataPlaneProvider {

    /** The drain behaviour Ballast relies on; docs/dataplane-ipvs.md explains each. */
    static final Map<String, String> DRAIN_SYSCTLS = drainSysctls();

    @Override
    public String name() {
        return "ipvs";
    }

    @Override
    public DataPlane open(PlaneOptions options) throws DataPlaneException {
        return open(options, IpvsKernelProbe.system(), Path.of("/proc/sys"));
    }

    /** Opens against the given kernel views; tests hand in a made-up /proc and /lib/modules. */
    DataPlane open(PlaneOptions options, IpvsKernelProbe probe, Path procSys) throws DataPlaneException {
        if (!probe.hasIpvs() && Boolean.parseBoolean(options.setting("loadModules", "false"))) {
            loadIpvsModule();
        }
        if (!probe.hasIpvs()) {
            throw new DataPlaneException("the ipvs plane cannot open: the kernel has no IPVS (/proc/net/ip_vs is "
                    + "missing on kernel " + probe.kernelRelease() + "); use the nftables plane");
        }
        if (Boolean.parseBoolean(options.setting("sysctls", "true"))) {
            setSysctls(procSys);
        }
        Ipvsadm ipvsadm = new Ipvsadm(options.setting("ipvsadm", "ipvsadm"),
                Long.parseLong(options.setting("timeoutSeconds", "600")));
        SyncDaemon sync = new SyncDaemon(ipvsadm, Boolean.parseBoolean(options.setting("sync", "false")),
                Integer.parseInt(options.setting("syncId", "1")), options.setting("syncInterface", null));
        IpvsDataPlane plane = new IpvsDataPlane(ipvsadm, probe, new TableRecord(options.stateDir()), sync);
        plane.setActive(Boolean.parseBoolean(options.setting("active", "true")));
        return plane;
    }

    static void setSysctls(Path procSys) throws DataPlaneException {
        for (Map.Entry<String, String> sysctl : DRAIN_SYSCTLS.entrySet()) {
            Path file = procSys.resolve(sysctl.getKey().replace('.', '/'));
            try {
                Files.writeString(file, sysctl.getValue());
            } catch (IOException e) {
                throw new DataPlaneException("the ipvs plane cannot set " + sysctl.getKey() + " = " + sysctl.getValue()
                        + " (" + e.getMessage() + "); run the agent with CAP_NET_ADMIN or set it at boot", e);
            }
        }
    }

    private static void loadIpvsModule() throws DataPlaneException {
        try {
            Process process = new ProcessBuilder("modprobe", "ip_vs").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            process.waitFor();
        } catch (IOException e) {
            // No modprobe: the check that follows reports the missing IPVS.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataPlaneException("interrupted while loading ip_vs", e);
        }
    }

    private static Map<String, String> drainSysctls() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("net.ipv4.vs.expire_nodest_conn", "1");
        out.put("net.ipv4.vs.expire_quiescent_template", "1");
        out.put("net.ipv4.vs.conn_reuse_mode", "1");
        return out;
    }
}
