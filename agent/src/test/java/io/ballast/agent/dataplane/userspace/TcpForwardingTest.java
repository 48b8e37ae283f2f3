package io.ballast.agent.dataplane.userspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** TCP mechanics of the forwarder: half-close, backpressure, refused real servers, many connections. */
class TcpForwardingTest {

    @Test
    void halfClosedClientStillReceivesTheServersReply() throws Exception {
        try (PlaneFixture f = new PlaneFixture()) {
            IdentityTcpServer a = f.tcpServer("a", 1);
            VirtualService vs = f.tcp(Scheduler.RR, List.of(PlaneFixture.rs(a, 1)));
            f.converge(vs);
            try (Socket s = Loopback.connect(vs.address(), vs.port(), null)) {
                s.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
                s.shutdownOutput();

                // the server echoes after our FIN and closes only when it has seen it
                byte[] reply = s.getInputStream().readAllBytes();

                assertThat(new String(reply, StandardCharsets.US_ASCII)).isEqualTo("a\nping");
            }
        }
    }

    @Test
    void slowServerStopsTheClientInsteadOfFillingMemory() throws Exception {
        try (PlaneFixture f = new PlaneFixture()) {
            IdentityTcpServer a = f.tcpServer("a", 1);
            VirtualService vs = f.tcp(Scheduler.RR, List.of(PlaneFixture.rs(a, 1)));
            f.converge(vs);
            a.pauseReading(true);
            long total = 256L << 20;
            AtomicLong written = new AtomicLong();
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try (Socket s = Loopback.connect(vs.address(), vs.port(), null)) {
                s.setSoTimeout(30_000);
                Future<?> writer = threads.submit(() -> {
                    byte[] chunk = new byte[64 * 1024];
                    while (written.get() < total) {
                        s.getOutputStream().write(chunk);
                        written.addAndGet(chunk.length);
                    }
                    s.shutdownOutput();
                    return null;
                });
                Future<Long> reader = threads.submit(() -> drain(s.getInputStream()));

                // every buffer on the way fills up, then the client cannot write more
                long stalledAt = awaitStall(written);
                assertThat(stalledAt).isLessThan(total);

                a.pauseReading(false);
                writer.get(60, TimeUnit.SECONDS);
                assertThat(reader.get(60, TimeUnit.SECONDS)).isEqualTo(total + 2);
                assertThat(a.bytesReceived.get()).isEqualTo(total);
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void refusedRealServerIsCountedAndTheClientClosed() throws Exception {
        try (PlaneFixture f = new PlaneFixture()) {
            String deadAddress = f.net.address(30);
            int deadPort = Loopback.freePort(deadAddress);
            RealServer dead = RealServer.of("dead", deadAddress, deadPort, 1);
            VirtualService vs = f.tcp(Scheduler.RR, List.of(dead));
            f.converge(vs);

            int first;
            // the reset may even overtake the client's own connect on loopback: any way, no byte arrives
            try (Socket s = Loopback.connect(vs.address(), vs.port(), null)) {
                first = s.getInputStream().read();
            } catch (IOException reset) {
                first = -1;
            }
            assertThat(first).isEqualTo(-1);
            assertThat(f.plane.connectFailures(vs.key(), dead.key())).isEqualTo(1);
            TableBehaviourTest.awaitTotal(f, vs, dead.key(), 0);
            assertThat(f.counters(vs, dead.key()).connections()).isEqualTo(1);
        }
    }

    @Test
    void realServerThatNeverAnswersIsGivenUpAfterTheConnectTimeout() throws Exception {
        try (PlaneFixture f = new PlaneFixture(Map.of("connectTimeoutSeconds", "1"));
             ServerSocket full = new ServerSocket()) {
            // a listener that never accepts: once its accept queue is full the kernel drops further SYNs
            full.bind(new InetSocketAddress(f.net.address(31), 0), 1);
            List<SocketChannel> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    SocketChannel c = SocketChannel.open();
                    c.configureBlocking(false);
                    c.connect(full.getLocalSocketAddress());
                    fillers.add(c);
                }
                RealServer silent = RealServer.of("silent", f.net.address(31), full.getLocalPort(), 1);
                VirtualService vs = f.tcp(Scheduler.RR, List.of(silent));
                f.converge(vs);

                long start = System.nanoTime();
                int first;
                try (Socket s = Loopback.connect(vs.address(), vs.port(), null)) {
                    first = s.getInputStream().read();
                } catch (IOException reset) {
                    first = -1;
                }
                long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

                assertThat(first).isEqualTo(-1);
                assertThat(seconds).isBetween(0L, 3L);
                assertThat(f.plane.connectFailures(vs.key(), silent.key())).isEqualTo(1);
            } finally {
                for (SocketChannel c : fillers) {
                    c.close();
                }
            }
        }
    }

    @Test
    void twoThousandHeldConnectionsNeedNoExtraThreads() throws Exception {
        try (PlaneFixture f = new PlaneFixture()) {
            IdentityTcpServer a = f.tcpServer("a", 1);
            IdentityTcpServer b = f.tcpServer("b", 2);
            VirtualService vs = f.service(Protocol.TCP, f.net.address(10), Scheduler.WLC, Set.of(), null, null,
                    List.of(PlaneFixture.rs(a, 1), PlaneFixture.rs(b, 1)));
            f.converge(vs);
            int threadsBefore = Thread.activeCount();
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 2000; i++) {
                    Socket s = Loopback.connect(vs.address(), vs.port(), f.net.address(100 + i % 100));
                    held.add(s);
                    assertThat(Loopback.readLine(s)).isIn("a", "b");
                }
                SchedulingTrafficTest.awaitActive(f, vs, null, 2000);
                assertThat(a.open.get() + b.open.get()).isEqualTo(2000);
                assertThat(Math.abs(a.open.get() - b.open.get())).isLessThanOrEqualTo(1);
                assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore + 2);
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
            TableBehaviourTest.awaitTotal(f, vs, null, 0);
        }
    }

    @Test
    void ipv6VirtualAddressForwardsToIpv4RealServers() throws Exception {
        try (PlaneFixture f = new PlaneFixture()) {
            IdentityTcpServer a = f.tcpServer("a", 1);
            VirtualService vs = f.service(Protocol.TCP, "::1", Scheduler.RR, Set.of(), null, null,
                    List.of(PlaneFixture.rs(a, 1)));
            f.converge(vs);

            assertThat(Loopback.identity("::1", vs.port(), null)).isEqualTo("a");
            assertThat(f.counters(vs, null).connections()).isEqualTo(1);
        }
    }

    /** Waits until the count stops growing for half a second (at most 20 s); returns where it stopped. */
    private static long awaitStall(AtomicLong written) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        long previous = -1;
        while (System.currentTimeMillis() < deadline) {
            long now = written.get();
            if (now == previous) {
                return now;
            }
            previous = now;
            Thread.sleep(500);
        }
        throw new AssertionError("the client could still write after 20 s: " + previous + " bytes");
    }

    private static long drain(InputStream in) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long n = 0;
        int r;
        while ((r = in.read(buf)) >= 0) {
            n += r;
        }
        return n;
    }
}
