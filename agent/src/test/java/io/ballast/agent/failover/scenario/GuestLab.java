package io.ballast.agent.failover.scenario;

import io.ballast.agent.testsupport.qemu.QemuVm;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Network namespaces, bridges and background processes inside the IPVS test VM, for one test. Names
 * carry a per-run prefix; {@link #close()} kills what runs in the namespaces and removes them, the
 * bridges and the guest directory, also after a failure. The guest has one vCPU under TCG, so waits
 * run as one shell loop in the guest instead of a command per poll.
 */
final class GuestLab implements AutoCloseable {

    private static final Duration COMMAND = Duration.ofMinutes(3);

    private final QemuVm vm;
    private final String prefix = "b" + UUID.randomUUID().toString().substring(0, 4);
    private final Set<String> namespaces = new LinkedHashSet<>();
    private final Set<String> bridges = new LinkedHashSet<>();
    private int links;

    GuestLab(QemuVm vm) throws IOException {
        this.vm = vm;
        vm.run("mkdir -p " + dir(), COMMAND);
    }

    /** The guest directory of this run (a tmpfs in the guest). */
    String dir() {
        return "/tmp/" + prefix;
    }

    /** The namespace name of a role ("lb-a" becomes "b1234lb-a"). */
    String ns(String role) {
        return prefix + role;
    }

    /** A new namespace with lo up (and IP forwarding when {@code router}). */
    void namespace(String role, boolean router) throws IOException {
        namespaces.add(ns(role));
        run("ip netns add " + ns(role) + " && ip -n " + ns(role) + " link set lo up"
                + (router ? " && ip netns exec " + ns(role) + " sysctl -qw net.ipv4.ip_forward=1" : ""));
    }

    /** Plugs {@code role} into the bridge (made on first use) as {@code ifname} with {@code cidr}. */
    void link(String role, String ifname, String bridge, String cidr) throws IOException {
        String br = prefix + bridge;
        List<String> steps = new ArrayList<>();
        if (bridges.add(br)) {
            steps.add("ip link add " + br + " type bridge && ip link set " + br + " up");
        }
        String outer = prefix + "v" + (++links);
        steps.add("ip link add " + outer + " type veth peer name " + ifname + " netns " + ns(role));
        steps.add("ip link set " + outer + " master " + br + " up");
        steps.add("ip -n " + ns(role) + " addr add " + cidr + " dev " + ifname);
        steps.add("ip -n " + ns(role) + " link set " + ifname + " up");
        run(String.join(" && ", steps));
    }

    /** Starts {@code command} in the namespace, detached, output to {@code <dir>/<log>}. */
    void spawn(String role, String command, String log) throws IOException {
        run("setsid ip netns exec " + ns(role) + " " + command + " > " + dir() + "/" + log + " 2>&1 < /dev/null &");
    }

    /** A crash: the namespace's links go down at once (one ip batch), then everything in it gets SIGKILL. */
    void crash(String role, String... links) throws IOException {
        StringBuilder batch = new StringBuilder();
        for (String link : links) {
            batch.append("link set ").append(link).append(" down\\n");
        }
        run("printf '" + batch + "' | ip -n " + ns(role) + " -batch - && ip netns pids " + ns(role)
                + " | xargs -r kill -KILL 2>/dev/null; true");
    }

    /** Removes a crashed namespace, as a reboot forgets the kernel's state (tables, connections, addresses). */
    void forget(String role) throws IOException {
        run("ip netns pids " + ns(role) + " | xargs -r kill -KILL 2>/dev/null; ip netns del " + ns(role));
        namespaces.remove(ns(role));
    }

    String run(String command) throws IOException {
        return vm.run(command, COMMAND);
    }

    QemuVm.Exec exec(String command) throws IOException {
        return vm.exec(command, COMMAND);
    }

    /** Runs a command inside the namespace and returns its output. */
    String in(String role, String command) throws IOException {
        return run("ip netns exec " + ns(role) + " " + command);
    }

    /**
     * Waits (in the guest) until the shell condition holds; fails naming {@code what} with the given
     * logs' tails. The condition may {@code exit 3} to fail at once (a client saw an error).
     */
    void await(String what, int seconds, String condition, String... logs) throws IOException {
        QemuVm.Exec result = vm.exec("i=0; until " + condition + "; do [ $i -ge " + (seconds * 2)
                + " ] && exit 1; sleep 0.5; i=$((i+1)); done", Duration.ofSeconds(seconds * 2L + 120));
        if (!result.ok()) {
            StringBuilder tails = new StringBuilder();
            for (String log : logs) {
                tails.append("\n--- ").append(log).append(" ---\n").append(exec("tail -n 40 " + dir() + "/" + log).output());
            }
            throw new AssertionError((result.exitCode() == 3 ? "failed while waiting for " : "not within " + seconds
                    + " s: ") + what + tails);
        }
    }

    @Override
    public void close() {
        StringBuilder script = new StringBuilder();
        for (String ns : namespaces) {
            script.append("ip netns pids ").append(ns).append(" | xargs -r kill -KILL; ip netns del ").append(ns).append("; ");
        }
        for (String br : bridges) {
            script.append("ip link del ").append(br).append("; ");
        }
        script.append("rm -rf ").append(dir());
        try {
            vm.exec(script.toString(), COMMAND);
        } catch (IOException e) {
            System.out.println("cleaning up " + prefix + " in the VM failed: " + e.getMessage());
        }
    }
}
