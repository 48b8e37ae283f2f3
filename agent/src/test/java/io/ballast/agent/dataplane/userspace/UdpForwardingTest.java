package io.ballast.agent.dataplane.userspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UdpForwardingTest {

    private static String ask(DatagramSocket client, VirtualService vs, String payload) throws Exception {
        byte[] data = payload.getBytes(StandardCharsets.UTF_8);
        InetSocketAddress vip = new InetSocketAddress(vs.address(), vs.port());
        client.send(new DatagramPacket(data, data.length, vip));
        byte[] buf = new byte[2048];
        DatagramPacket reply = new DatagramPacket(buf, buf.length);
        client.receive(reply);
        // the reply must come from the virtual address, or a client with a connected socket would drop it
        assertThat(reply.getSocketAddress()).isEqualTo(vip);
        return new String(buf, 0, reply.getLength(), StandardCharsets.UTF_8);
    }

    private static DatagramSocket client(PlaneFixture f, int host) throws Exception {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(f.net.address(host), 0));
        s.setSoTimeout(3_000);
        return s;
    }

    @Test
    void datagramsOfOneClientFollowOneFlowAndNewClientsAreScheduled() throws Exception {
        try (PlaneFixture f = new PlaneFixture()) {
            IdentityUdpServer a = f.udpServer("a", 1);
            IdentityUdpServer b = f.udpServer("b", 2);
            VirtualService vs = f.service(Protocol.UDP, f.net.address(10), Scheduler.RR, Set.of(), null, null,
                    List.of(PlaneFixture.rs(a, 1), PlaneFixture.rs(b, 1)));
            f.converge(vs);
            try (DatagramSocket one = client(f, 100); DatagramSocket two = client(f, 101)) {
                assertThat(ask(one, vs, "hello")).isEqualTo("a:hello");
                assertThat(ask(one, vs, "again")).isEqualTo("a:again");
                assertThat(ask(two, vs, "hi")).isEqualTo("b:hi");
                assertThat(ask(one, vs, "third")).isEqualTo("a:third");
            }
            var counters = f.counters(vs, null);
            assertThat(counters.connections()).isEqualTo(2);
            assertThat(counters.inactiveConnections()).isEqualTo(2);
            assertThat(counters.packetsIn()).isEqualTo(4);
            assertThat(counters.packetsOut()).isEqualTo(4);
            assertThat(counters.bytesIn()).isEqualTo("helloagainhithird".length());
            assertThat(counters.bytesOut()).isEqualTo("a:hello".length() + "a:again".length() + "b:hi".length()
                    + "a:third".length());
        }
    }

    @Test
    void idleFlowEndsAfterTheTimeoutAndTheClientIsScheduledAgain() throws Exception {
        try (PlaneFixture f = new PlaneFixture(Map.of("udpIdleTimeoutSeconds", "1"))) {
            IdentityUdpServer a = f.udpServer("a", 1);
            IdentityUdpServer b = f.udpServer("b", 2);
            VirtualService vs = f.service(Protocol.UDP, f.net.address(10), Scheduler.RR, Set.of(), null, null,
                    List.of(PlaneFixture.rs(a, 1), PlaneFixture.rs(b, 1)));
            f.converge(vs);
            try (DatagramSocket one = client(f, 100)) {
                assertThat(ask(one, vs, "x")).isEqualTo("a:x");
                Thread.sleep(2_200);
                assertThat(f.counters(vs, null).inactiveConnections()).isZero();
                assertThat(ask(one, vs, "y")).isEqualTo("b:y");
            }
        }
    }

    @Test
    void unreachableRealServerEndsTheFlow() throws Exception {
        try (PlaneFixture f = new PlaneFixture()) {
            String deadAddress = f.net.address(30);
            RealServer dead = RealServer.of("dead", deadAddress, Loopback.freePort(deadAddress), 1);
            VirtualService vs = f.service(Protocol.UDP, f.net.address(10), Scheduler.RR, Set.of(), null, null,
                    List.of(dead));
            f.converge(vs);
            try (DatagramSocket one = client(f, 100)) {
                one.setSoTimeout(500);
                try {
                    ask(one, vs, "anyone?");
                    throw new AssertionError("a dead real server answered");
                } catch (SocketTimeoutException expected) {
                    // no reply: the port-unreachable error ends the flow inside the plane
                }
            }
            TableBehaviourTest.awaitTotal(f, vs, null, 0);
            assertThat(f.counters(vs, null).connections()).isEqualTo(1);
        }
    }
}
