package io.ballast.agent.dataplane.userspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.model.Persistence;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.SorryServer;
import io.ballast.model.VirtualService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What an operator sees when the table changes under traffic: drain, thresholds, persistence, sorry, failure. */
class TableBehaviourTest {

    @Test
    void drainedServerFinishesOpenConnectionsAndGetsNoNewOnes() throws Exception {
        try (PlaneFixture f = new PlaneFixture()) {
            IdentityTcpServer a = f.tcpServer("a", 1);
            IdentityTcpServer b = f.tcpServer("b", 2);
            VirtualService vs = f.tcp(Scheduler.RR, List.of(PlaneFixture.rs(a, 1), PlaneFixture.rs(b, 1)));
            f.converge(vs);
            try (Socket held = Loopback.connect(vs.address(), vs.port(), null)) {
                assertThat(Loopback.readLine(held)).isEqualTo("a");

                f.converge(vs.withRealServers(List.of(PlaneFixture.rs(a, 0), PlaneFixture.rs(b, 1))));

                for (int i = 0; i < 10; i++) {
                    assertThat(f.identity(vs)).isEqualTo("b");
                }
                held.getOutputStream().write("still here".getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(held.getInputStream().readNBytes(10), StandardCharsets.US_ASCII))
                        .isEqualTo("still here");
            }
            assertThat(f.counters(vs, PlaneFixture.rs(a, 0).key()).connections()).isEqualTo(1);
        }
    }

    @Test
    void removedServerLosesItsOpenConnectionsWhileTheServiceCountersKeepTheHistory() throws Exception {
        try (PlaneFixture f = new PlaneFixture()) {
            IdentityTcpServer a = f.tcpServer("a", 1);
            IdentityTcpServer b = f.tcpServer("b", 2);
            VirtualService vs = f.tcp(Scheduler.RR, List.of(PlaneFixture.rs(a, 1), PlaneFixture.rs(b, 1)));
            f.converge(vs);
            try (Socket held = Loopback.connect(vs.address(), vs.port(), null)) {
                assertThat(Loopback.readLine(held)).isEqualTo("a");

                f.converge(vs.withRealServers(List.of(PlaneFixture.rs(b, 1))));

                int next;
                try {
                    next = held.getInputStream().read();
                } catch (IOException reset) {
                    next = -1;
                }
                assertThat(next).isEqualTo(-1);
            }
            assertThat(f.identity(vs)).isEqualTo("b");
            assertThat(f.counters(vs, null).connections()).isEqualTo(2);
            assertThat(f.plane.sampleCounters().samples()).noneMatch(
                    sample -> PlaneFixture.rs(a, 1).key().equals(sample.realServer()));
        }
    }

    @Test
    void schedulerChangeInPlaceKeepsOpenConnections() throws Exception {
        try (PlaneFixture f = new PlaneFixture()) {
            IdentityTcpServer a = f.tcpServer("a", 1);
            IdentityTcpServer b = f.tcpServer("b", 2);
            VirtualService vs = f.tcp(Scheduler.RR, List.of(PlaneFixture.rs(a, 1), PlaneFixture.rs(b, 5)));
            f.converge(vs);
            try (Socket held = Loopback.connect(vs.address(), vs.port(), null)) {
                assertThat(Loopback.readLine(held)).isEqualTo("a");

                VirtualService fo = new VirtualService(null, vs.protocol(), vs.address(), vs.port(), null, null,
                        Scheduler.FO, Set.of(), null, null, null, null, vs.realServers());
                f.converge(fo);

                assertThat(f.identity(fo)).isEqualTo("b");
                assertThat(f.identity(fo)).isEqualTo("b");
                held.getOutputStream().write("ok".getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(held.getInputStream().readNBytes(2), StandardCharsets.US_ASCII)).isEqualTo("ok");
            }
        }
    }

    @Test
    void serverAboveItsUpperThresholdGetsNoNewConnectionsUntilBelowItsLowerThreshold() throws Exception {
        try (PlaneFixture f = new PlaneFixture()) {
            IdentityTcpServer a = f.tcpServer("a", 1);
            IdentityTcpServer b = f.tcpServer("b", 2);
            RealServer limited = new RealServer("a", a.address.getAddress().getHostAddress(), a.port(), 10, null, 2, 1,
                    null, null);
            VirtualService vs = f.tcp(Scheduler.FO, List.of(limited, PlaneFixture.rs(b, 1)));
            f.converge(vs);
            Socket first = Loopback.connect(vs.address(), vs.port(), null);
            Socket second = Loopback.connect(vs.address(), vs.port(), null);
            try {
                assertThat(Loopback.readLine(first)).isEqualTo("a");
                assertThat(Loopback.readLine(second)).isEqualTo("a");
                assertThat(f.identity(vs)).isEqualTo("b");

                first.close();
                awaitTotal(f, vs, limited.key(), 1);
                // one left: not below the lower threshold 1 yet
                assertThat(f.identity(vs)).isEqualTo("b");

                second.close();
                awaitTotal(f, vs, limited.key(), 0);
                assertThat(f.identity(vs)).isEqualTo("a");
            } finally {
                first.close();
                second.close();
            }
        }
    }

    @Test
    void persistenceKeepsAClientOnItsServerWithinTheTimeoutAndReleasesItAfter() throws Exception {
        try (PlaneFixture f = new PlaneFixture()) {
            IdentityTcpServer a = f.tcpServer("a", 1);
            IdentityTcpServer b = f.tcpServer("b", 2);
            VirtualService vs = f.service(Protocol.TCP, f.net.address(10), Scheduler.RR, Set.of(),
                    new Persistence(2, "255.255.255.255"), null, List.of(PlaneFixture.rs(a, 1), PlaneFixture.rs(b, 1)));
            f.converge(vs);
            String client = f.net.address(100);
            String other = f.net.address(101);

            for (int i = 0; i < 5; i++) {
                assertThat(f.identityFrom(vs, client)).isEqualTo("a");
            }
            assertThat(f.identityFrom(vs, other)).isEqualTo("b");

            Thread.sleep(2_600);
            // both templates expired: round robin decides again, a after b, then b
            assertThat(f.identityFrom(vs, other)).isEqualTo("a");
            assertThat(f.identityFrom(vs, client)).isEqualTo("b");
        }
    }

    @Test
    void persistenceNetmaskGroupsAClientNetworkOnOneServer() throws Exception {
        try (PlaneFixture f = new PlaneFixture()) {
            IdentityTcpServer a = f.tcpServer("a", 1);
            IdentityTcpServer b = f.tcpServer("b", 2);
            VirtualService vs = f.service(Protocol.TCP, f.net.address(10), Scheduler.RR, Set.of(),
                    new Persistence(60, "255.255.255.0"), null, List.of(PlaneFixture.rs(a, 1), PlaneFixture.rs(b, 1)));
            f.converge(vs);

            for (int host = 100; host < 110; host++) {
                assertThat(f.identityFrom(vs, f.net.address(host))).isEqualTo("a");
            }
        }
    }

    @Test
    void sorryServerTakesTheTrafficWhenNoRealServerIsLeftAndGivesItBack() throws Exception {
        try (PlaneFixture f = new PlaneFixture()) {
            IdentityTcpServer a = f.tcpServer("a", 1);
            IdentityTcpServer sorry = f.tcpServer("sorry", 9);
            VirtualService vs = f.service(Protocol.TCP, f.net.address(10), Scheduler.WLC, Set.of(), null,
                    new SorryServer(sorry.address.getAddress().getHostAddress(), sorry.port()),
                    List.of(PlaneFixture.rs(a, 1)));
            f.converge(vs);
            assertThat(f.identity(vs)).isEqualTo("a");

            f.converge(vs.withRealServers(List.of()));
            assertThat(f.identity(vs)).isEqualTo("sorry");
            f.converge(vs.withRealServers(List.of(PlaneFixture.rs(a, 0))));
            assertThat(f.identity(vs)).isEqualTo("sorry");

            f.converge(vs);
            assertThat(f.identity(vs)).isEqualTo("a");
        }
    }

    @Test
    void failedApplyLeavesTheOldTableAndListenersAndNamesTheStep() throws Exception {
        try (PlaneFixture f = new PlaneFixture()) {
            IdentityTcpServer a = f.tcpServer("a", 1);
            VirtualService old = f.tcp(Scheduler.RR, List.of(PlaneFixture.rs(a, 1)));
            f.converge(old);
            VirtualService fresh = f.service(Protocol.TCP, f.net.address(11), Scheduler.RR, Set.of(), null, null,
                    List.of(PlaneFixture.rs(a, 1)));
            try (ServerSocket squatter = new ServerSocket()) {
                squatter.bind(new InetSocketAddress(f.net.address(12), 0));
                VirtualService busy = new VirtualService(null, Protocol.TCP, f.net.address(12), squatter.getLocalPort(),
                        null, null, Scheduler.RR, Set.of(), null, null, null, null, List.of(PlaneFixture.rs(a, 1)));
                List<VirtualService> before = f.plane.readTable();

                assertThatThrownBy(() -> f.converge(fresh, busy))
                        .isInstanceOf(DataPlaneException.class)
                        .hasMessage(busy.key() + " — add service: cannot listen: address already in use");

                assertThat(f.plane.readTable()).isEqualTo(before);
                assertThat(f.identity(old)).isEqualTo("a");
                assertThatThrownBy(() -> f.identity(fresh)).isInstanceOf(ConnectException.class);
            }
        }
    }

    @Test
    void standbyRefusesConnectionsAndKeepsTheTableUntilActiveAgain() throws Exception {
        try (PlaneFixture f = new PlaneFixture()) {
            IdentityTcpServer a = f.tcpServer("a", 1);
            VirtualService vs = f.tcp(Scheduler.RR, List.of(PlaneFixture.rs(a, 1)));
            f.converge(vs);
            assertThat(f.identity(vs)).isEqualTo("a");

            f.plane.setActive(false);
            assertThatThrownBy(() -> f.identity(vs)).isInstanceOf(ConnectException.class);
            assertThat(f.plane.readTable()).containsExactly(vs);
            // the released address can be taken by another director (here: a plain socket)
            try (ServerSocket other = new ServerSocket()) {
                other.bind(new InetSocketAddress(vs.address(), vs.port()));
            }

            f.plane.setActive(true);
            assertThat(f.identity(vs)).isEqualTo("a");
        }
    }

    @Test
    void countersMatchTheTrafficSent() throws Exception {
        try (PlaneFixture f = new PlaneFixture()) {
            IdentityTcpServer a = f.tcpServer("a", 1);
            VirtualService vs = f.tcp(Scheduler.RR, List.of(PlaneFixture.rs(a, 1)));
            f.converge(vs);
            byte[] payload = new byte[100_000];
            java.util.Arrays.fill(payload, (byte) 'x');
            int connections = 3;
            for (int c = 0; c < connections; c++) {
                try (Socket s = Loopback.connect(vs.address(), vs.port(), null)) {
                    OutputStream out = s.getOutputStream();
                    out.write(payload);
                    s.shutdownOutput();
                    InputStream in = s.getInputStream();
                    assertThat(in.readAllBytes()).hasSize(2 + payload.length);
                }
            }
            awaitTotal(f, vs, null, 0);

            var service = f.counters(vs, null);
            var server = f.counters(vs, PlaneFixture.rs(a, 1).key());
            assertThat(service.connections()).isEqualTo(connections);
            assertThat(service.bytesIn()).isEqualTo((long) connections * payload.length);
            assertThat(service.bytesOut()).isEqualTo((long) connections * (payload.length + 2));
            assertThat(service.packetsIn()).isPositive();
            assertThat(service.packetsOut()).isPositive();
            assertThat(server).isEqualTo(service);
            assertThat(a.bytesReceived.get()).isEqualTo(service.bytesIn());
        }
    }

    static void awaitTotal(PlaneFixture f, VirtualService vs, String realServer, long expected) throws Exception {
        long deadline = System.currentTimeMillis() + 5_000;
        while (true) {
            var c = f.counters(vs, realServer);
            if (c.activeConnections() + c.inactiveConnections() == expected) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("expected " + expected + " open connections, counters say " + c);
            }
            Thread.sleep(10);
        }
    }
}
