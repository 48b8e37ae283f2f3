package io.ballast.agent.dataplane.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.agent.dataplane.PlaneOptions;
import io.ballast.model.Scheduler;
import io.ballast.model.api.Capabilities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe and the provider against made-up /proc and /lib/modules trees. */
class IpvsKernelProbeTest {

    @TempDir
    Path root;

    private IpvsKernelProbe kernel(boolean ipvs, String... modules) throws IOException {
        Path proc = root.resolve("proc");
        Files.createDirectories(proc.resolve("sys/kernel"));
        Files.createDirectories(proc.resolve("net"));
        Files.writeString(proc.resolve("sys/kernel/osrelease"), "6.1.0-56-amd64\n");
        if (ipvs) {
            Files.writeString(proc.resolve("net/ip_vs"), "IP Virtual Server version 1.2.1 (size=4096)\n");
        }
        Path dir = root.resolve("modules/6.1.0-56-amd64/kernel/net/netfilter/ipvs");
        Files.createDirectories(dir);
        for (String module : modules) {
            Files.writeString(dir.resolve(module), "");
        }
        return new IpvsKernelProbe(proc, root.resolve("modules"));
    }

    @Test
    void schedulersAreTheModulesTheKernelShips() throws IOException {
        IpvsKernelProbe probe = kernel(true, "ip_vs.ko", "ip_vs_rr.ko", "ip_vs_wrr.ko.xz", "ip_vs_mh.ko",
                "ip_vs_ftp.ko", "ip_vs_pe_sip.ko");

        assertThat(probe.schedulers()).containsExactlyInAnyOrder(Scheduler.RR, Scheduler.WRR, Scheduler.MH);
    }

    @Test
    void builtInSchedulersCount() throws IOException {
        IpvsKernelProbe probe = kernel(true, "ip_vs_rr.ko");
        Files.writeString(root.resolve("modules/6.1.0-56-amd64/modules.builtin"),
                "kernel/net/netfilter/ipvs/ip_vs_wlc.ko\nkernel/net/ipv4/tcp_cubic.ko\n");

        assertThat(probe.schedulers()).containsExactlyInAnyOrder(Scheduler.RR, Scheduler.WLC);
    }

    @Test
    void capabilitiesNameWhatTheKernelLacks() throws IOException {
        Capabilities capabilities = kernel(true, "ip_vs_rr.ko").capabilities();

        assertThat(capabilities.plane()).isEqualTo("ipvs");
        assertThat(capabilities.note()).startsWith("kernel 6.1.0-56-amd64 has no ").contains("ip_vs_twos")
                .doesNotContain("ip_vs_rr,");
    }

    @Test
    void kernelWithoutIpvsIsRefusedPointingAtNftables() throws IOException {
        IpvsKernelProbe probe = kernel(false);

        assertThatThrownBy(() -> new IpvsDataPlaneProvider().open(new PlaneOptions("n1", root, Map.of()), probe,
                root.resolve("proc/sys")))
                .hasMessageContaining("the kernel has no IPVS").hasMessageContaining("use the nftables plane");
    }

    @Test
    void openingSetsTheDrainSysctls() throws Exception {
        IpvsKernelProbe probe = kernel(true, "ip_vs_rr.ko");
        Path vs = root.resolve("proc/sys/net/ipv4/vs");
        Files.createDirectories(vs);
        for (String name : new String[] {"expire_nodest_conn", "expire_quiescent_template", "conn_reuse_mode"}) {
            Files.writeString(vs.resolve(name), "0\n");
        }

        new IpvsDataPlaneProvider().open(new PlaneOptions("n1", root, Map.of("ipvsadm", "/nonexistent/ipvsadm")),
                probe, root.resolve("proc/sys")).close();

        assertThat(Files.readString(vs.resolve("expire_nodest_conn"))).isEqualTo("1");
        assertThat(Files.readString(vs.resolve("expire_quiescent_template"))).isEqualTo("1");
        assertThat(Files.readString(vs.resolve("conn_reuse_mode"))).isEqualTo("1");
    }
}
