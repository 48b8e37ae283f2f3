package io.ballast.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NetnsLabTest {

    @BeforeEach
    void needsRoot() {
        NetnsGate.require("namespace harness", "ip", "python3");
    }

    private static String namespaces() {
        return Netns.run(List.of("ip", "netns", "list"), null, true).stdout();
    }

    @Test
    void closingTheLabRemovesItsNamespacesAndWhatRanInThem() {
        NetnsLab lab = NetnsLab.create();
        Netns a = lab.namespace("a");
        Process sleeper = a.spawn("sleep", "300");
        assertThat(namespaces()).contains(a.name());

        lab.close();

        assertThat(namespaces()).doesNotContain(lab.prefix());
        assertThat(sleeper.isAlive()).isFalse();
    }

    @Test
    void reaperRemovesNamespacesOfDeadRunsOnly() {
        String stale = NetnsLab.FAMILY + "999999999-zz-client";
        Netns.run(List.of("ip", "netns", "add", stale), null, true);
        try (NetnsLab live = NetnsLab.create()) {
            live.namespace("x");

            NetnsLab.reapStale();

            assertThat(namespaces()).doesNotContain(stale).contains(live.prefix() + "x");
        } finally {
            Netns.run(List.of("ip", "netns", "del", stale), null, false);
        }
    }

    @Test
    void twoLabsInOneProcessGetDifferentPrefixes() {
        try (NetnsLab one = NetnsLab.create(); NetnsLab two = NetnsLab.create()) {
            assertThat(one.prefix()).isNotEqualTo(two.prefix()).startsWith(NetnsLab.FAMILY);
        }
    }

    @Test
    void namespacesOnOneBridgeReachEachOther() {
        try (NetnsLab lab = NetnsLab.create()) {
            Netns a = lab.namespace("a");
            Netns b = lab.namespace("b");
            lab.connect(a, "eth0", "lan", "192.0.2.1/24", "2001:db8::1/64");
            lab.connect(b, "eth0", "lan", "192.0.2.2/24", "2001:db8::2/64");
            b.startIdentityServer("tcp", 7000, "bee");

            assertThat(a.countReplies("tcp", "192.0.2.2", 7000, 3)).containsEntry("bee", 3);
            assertThat(a.countReplies("tcp", "2001:db8::2", 7000, 2)).containsEntry("bee", 2);
        }
    }

    @Test
    void theHostReachesANamespaceThroughItsLink() throws Exception {
        try (NetnsLab lab = NetnsLab.create()) {
            Netns a = lab.namespace("a");
            String hostIf = "blt" + ThreadLocalRandom.current().nextInt(100_000);
            HostSubnet subnet = HostSubnet.pickFree(List.of("198.51.100.128/25", "203.0.113.128/25"));
            lab.connectHost("mgmt", hostIf, subnet.cidr(1));
            lab.connect(a, "eth0", "mgmt", subnet.cidr(2));
            a.startIdentityServer("tcp", 7000, "bee");

            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(subnet.address(2), 7000), 2_000);
                socket.setSoTimeout(2_000);
                String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
                assertThat(reply).isEqualTo("bee");
            }
        }
        assertThat(Netns.run(List.of("ip", "-o", "link"), null, true).stdout()).doesNotContain(" blt");
    }

    @Test
    void theReaperRemovesTheNamespacesOfAnOwnerThatWasKilled() throws Exception {
        // The owner is a JVM of its own that makes a lab with a reaper and is then SIGKILLed, as a crash would.
        String java = ProcessHandle.current().info().command().orElse("java");
        // JAVA_TOOL_OPTIONS makes every JVM, the reaper too, talk on stderr first: the handshake must not mind.
        ProcessBuilder start = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingOwner.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD);
        start.environment().put("JAVA_TOOL_OPTIONS", "-Dballast.netns.test=true");
        Process owner = start.start();
        BufferedReader said = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
        String prefix = said.readLine();
        assertThat(prefix).as("the owner printed its prefix").startsWith(NetnsLab.FAMILY);
        ProcessHandle sleeper = ProcessHandle.of(Long.parseLong(said.readLine().trim())).orElseThrow();
        assertThat(namespaces()).contains(prefix + "a");
        owner.destroyForcibly();
        owner.waitFor(10, TimeUnit.SECONDS);

        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (namespaces().contains(prefix) && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertThat(namespaces()).doesNotContain(prefix);
        sleeper.onExit().get(10, TimeUnit.SECONDS);
        assertThat(sleeper.isAlive()).as("the process left running in the namespace").isFalse();
    }

    /** The owner process of the reaper test: a lab, a process in it, then it waits to be killed. */
    static final class CrashingOwner {
        public static void main(String[] args) throws Exception {
            NetnsLab lab = NetnsLab.create();
            Netns a = lab.namespace("a");
            Process sleeper = a.spawn("sleep", "300");
            lab.reapWhenOwnerDies(ProcessHandle.current().info().command().orElse("java"),
                    System.getProperty("java.class.path"));
            System.out.println(lab.prefix());
            System.out.println(sleeper.pid());
            System.out.flush();
            Thread.sleep(120_000);
        }
    }

    @Test
    void aHostSubnetOverlapsNoRouteOfTheHost() {
        HostSubnet subnet = HostSubnet.pickFree(List.of("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"));
        String routes = Netns.run(List.of("ip", "-4", "route", "show", "table", "all"), null, true).stdout();
        long[] picked = HostSubnet.cidr(subnet.toString());
        for (String line : routes.lines().toList()) {
            String first = line.trim().split("\\s+")[0];
            if (Character.isDigit(first.charAt(0))) {
                long[] route = HostSubnet.cidr(first);
                assertThat(picked[0] < route[0] + route[1] && route[0] < picked[0] + picked[1])
                        .as(subnet + " overlaps the host's route " + line).isFalse();
            }
        }
        assertThat(subnet.address(1)).startsWith(subnet.toString().substring(0, subnet.toString().lastIndexOf('.')));
    }

    @Test
    void hostToolsNameWhatIsMissing() {
        assertThat(HostTools.missing(false, "no-such-command-xyz", "sh"))
                .containsExactly("command 'no-such-command-xyz'");
        assertThat(HostTools.onPath(Path.of("/bin/sh").toString())).isTrue();
    }
}
