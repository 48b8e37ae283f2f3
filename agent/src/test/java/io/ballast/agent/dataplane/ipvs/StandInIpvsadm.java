package io.ballast.agent.dataplane.ipvs;

import io.ballast.model.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * A plane over a stand-in for ipvsadm (a shell script) and a made-up kernel: the script logs every
 * invocation's arguments, keeps what an {@code ipvsadm -R} batch receives on stdin, and lists an empty
 * table. For what the plane sends and when, without a kernel; the kernel's answers are the QEMU tests'.
 */
final class StandInIpvsadm {

    private final Path dir;
    private final Path script;
    private final IpvsKernelProbe probe;

    /** {@code discard}: the batch is read and thrown away (timing), not kept. */
    StandInIpvsadm(Path dir, Set<Scheduler> schedulers, boolean discard) throws IOException {
        this.dir = dir;
        this.script = dir.resolve("ipvsadm");
        String batch = discard ? "/dev/null" : dir.resolve("batches").toString();
        Files.writeString(script, "#!/bin/sh\n"
                + (discard ? "" : "echo \"$*\" >> '" + dir.resolve("calls") + "'\n")
                + "[ \"$1\" = -R ] && exec cat >> '" + batch + "'\n"
                + "exit 0\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(dir.resolve("proc/net"));
        Files.writeString(dir.resolve("proc/net/ip_vs"), "");
        Files.createDirectories(dir.resolve("proc/sys/kernel"));
        Files.writeString(dir.resolve("proc/sys/kernel/osrelease"), "6.1.0-stand-in\n");
        Path modules = Files.createDirectories(dir.resolve("modules/6.1.0-stand-in/kernel/net/netfilter/ipvs"));
        for (Scheduler scheduler : schedulers) {
            Files.writeString(modules.resolve("ip_vs_" + scheduler.wireName() + ".ko"), "");
        }
        this.probe = new IpvsKernelProbe(dir.resolve("proc"), dir.resolve("modules"));
    }

    /** A plane over this stand-in, keeping its record in {@code stateDir}. */
    IpvsDataPlane plane(Path stateDir) {
        Ipvsadm ipvsadm = new Ipvsadm(script.toString(), 600);
        return new IpvsDataPlane(ipvsadm, probe, new TableRecord(stateDir), new SyncDaemon(ipvsadm, false, 1, null));
    }

    /** The arguments of every ipvsadm run so far, one line each. */
    List<String> calls() throws IOException {
        Path calls = dir.resolve("calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    /** Every line every {@code ipvsadm -R} has received so far. */
    List<String> batchLines() throws IOException {
        Path batches = dir.resolve("batches");
        return Files.exists(batches) ? Files.readAllLines(batches) : List.of();
    }
}
