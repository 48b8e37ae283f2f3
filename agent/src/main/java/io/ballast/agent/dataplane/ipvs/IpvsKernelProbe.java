package io.ballast.agent.dataplane.ipvs;

import io.ballast.model.ForwardingMethod;
import io.ballast.model.Protocol;
import io.ballast.model.Scheduler;
import io.ballast.model.api.Capabilities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds out what this kernel's IPVS can do: whether IPVS is there at all ({@code /proc/net/ip_vs}),
 * and which scheduler modules exist ({@code /lib/modules/RELEASE/kernel/net/netfilter/ipvs/ip_vs_*.ko*},
 * plus schedulers built into the kernel, which {@code modules.builtin} lists).
 */
public final class IpvsKernelProbe {

    private final Path procRoot;
    private final Path modulesRoot;

    /** {@code procRoot} is normally {@code /proc}, {@code modulesRoot} {@code /lib/modules}. */
    public IpvsKernelProbe(Path procRoot, Path modulesRoot) {
        this.procRoot = procRoot;
        this.modulesRoot = modulesRoot;
    }

    public static IpvsKernelProbe system() {
        return new IpvsKernelProbe(Path.of("/proc"), Path.of("/lib/modules"));
    }

    public boolean hasIpvs() {
        return Files.exists(procRoot.resolve("net/ip_vs"));
    }

    public String kernelRelease() {
        try {
            return Files.readString(procRoot.resolve("sys/kernel/osrelease")).strip();
        } catch (IOException e) {
            return System.getProperty("os.version");
        }
    }

    /** The schedulers this kernel can load (or has built in). */
    public Set<Scheduler> schedulers() {
        Path release = modulesRoot.resolve(kernelRelease());
        Set<String> names = new TreeSet<>();
        Path ipvsDir = release.resolve("kernel/net/netfilter/ipvs");
        if (Files.isDirectory(ipvsDir)) {
            try (Stream<Path> files = Files.list(ipvsDir)) {
                files.map(p -> p.getFileName().toString()).forEach(names::add);
            } catch (IOException e) {
                // An unreadable module directory means no loadable schedulers; built-ins still count.
            }
        }
        try {
            Files.readAllLines(release.resolve("modules.builtin")).stream()
                    .filter(line -> line.contains("/ipvs/"))
                    .map(line -> line.substring(line.lastIndexOf('/') + 1))
                    .forEach(names::add);
        } catch (IOException e) {
            // No modules.builtin: only loadable modules are known.
        }
        Set<Scheduler> out = EnumSet.noneOf(Scheduler.class);
        for (Scheduler scheduler : Scheduler.values()) {
            String module = "ip_vs_" + scheduler.wireName() + ".ko";
            if (names.stream().anyMatch(n -> n.equals(module) || n.startsWith(module + "."))) {
                out.add(scheduler);
            }
        }
        return out;
    }

    public Capabilities capabilities() {
        Set<Scheduler> schedulers = schedulers();
        List<String> missing = EnumSet.complementOf(schedulers.isEmpty() ? EnumSet.noneOf(Scheduler.class)
                : EnumSet.copyOf(schedulers)).stream().map(s -> "ip_vs_" + s.wireName()).collect(Collectors.toList());
        String note = missing.isEmpty() ? "every IPVS scheduler is available"
                : "kernel " + kernelRelease() + " has no " + String.join(", ", missing);
        return new Capabilities("ipvs", false, schedulers, EnumSet.allOf(ForwardingMethod.class),
                EnumSet.allOf(Protocol.class), true, true, true, true, note);
    }
}
