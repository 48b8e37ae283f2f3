package io.ballast.agent.dataplane.userspace;

import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.dataplane.PlaneOptions;
import io.ballast.model.Persistence;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.SorryServer;
import io.ballast.model.VirtualService;
import io.ballast.model.api.CounterSample;
import io.ballast.model.api.Counters;
import io.ballast.model.plan.Planner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One plane, its identity servers and a loopback /24 for a test; closes all of them, also when the
 * test fails.
 */
final class PlaneFixture implements AutoCloseable {

    final Loopback net = new Loopback();
    final UserspaceDataPlane plane;
    private final List<AutoCloseable> owned = new ArrayList<>();

    PlaneFixture() throws DataPlaneException {
        this(Map.of());
    }

    PlaneFixture(Map<String, String> settings) throws DataPlaneException {
        plane = UserspaceDataPlane.open(new PlaneOptions("test", Path.of("."), settings));
    }

    /** A TCP real server on 127.x.y.{20+i}. */
    IdentityTcpServer tcpServer(String name, int i) throws IOException {
        IdentityTcpServer s = IdentityTcpServer.start(name, net.address(20 + i));
        owned.add(s);
        return s;
    }

    IdentityUdpServer udpServer(String name, int i) throws IOException {
        IdentityUdpServer s = IdentityUdpServer.start(name, net.address(20 + i));
        owned.add(s);
        return s;
    }

    static RealServer rs(IdentityTcpServer s, int weight) {
        return RealServer.of(s.name, s.address.getAddress().getHostAddress(), s.port(), weight);
    }

    static RealServer rs(IdentityUdpServer s, int weight) {
        return RealServer.of(s.name, s.socket.getLocalAddress().getHostAddress(), s.port(), weight);
    }

    /** A TCP service on 127.x.y.10 at a free port. */
    VirtualService tcp(Scheduler scheduler, List<RealServer> servers) throws IOException {
        return service(Protocol.TCP, net.address(10), scheduler, Set.of(), null, null, servers);
    }

    VirtualService service(Protocol protocol, String vip, Scheduler scheduler, Set<SchedulerFlag> flags,
                           Persistence persistence, SorryServer sorry, List<RealServer> servers) throws IOException {
        int port = Loopback.freePort(vip);
        return new VirtualService(null, protocol, vip, port, null, null, scheduler, flags, persistence, null, sorry,
                null, servers);
    }

    /** Makes the plane's table equal {@code services}, as the reconciler would: plan from what it reads. */
    void converge(VirtualService... services) throws DataPlaneException {
        plane.apply(Planner.between(plane.readTable(), List.of(services)));
    }

    Counters counters(VirtualService service, String realServerKey) throws DataPlaneException {
        for (CounterSample sample : plane.sampleCounters().samples()) {
            if (sample.service().equals(service.key().toString())
                    && java.util.Objects.equals(sample.realServer(), realServerKey)) {
                return sample.counters();
            }
        }
        throw new AssertionError("no counters for " + service.key() + " " + realServerKey);
    }

    String identity(VirtualService service) throws IOException {
        return Loopback.identity(service.address(), service.port(), null);
    }

    String identityFrom(VirtualService service, String source) throws IOException {
        return Loopback.identity(service.address(), service.port(), source);
    }

    @Override
    public void close() throws Exception {
        plane.close();
        for (AutoCloseable c : owned) {
            c.close();
        }
    }
}
