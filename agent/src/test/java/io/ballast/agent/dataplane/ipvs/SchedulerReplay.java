package io.ballast.agent.dataplane.ipvs;

import io.ballast.agent.dataplane.scheduling.ConnectionScheduler;
import io.ballast.agent.dataplane.scheduling.Destination;
import io.ballast.agent.dataplane.scheduling.ScheduledFlow;
import io.ballast.agent.dataplane.scheduling.Schedulers;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the userspace plane's scheduler for a service as the kernel lists it (destinations in
 * {@code ipvsadm -Ln} order, which is the kernel's list order) over a number of new connections.
 */
final class SchedulerReplay {

    private SchedulerReplay() {
    }

    /** The ports of the destinations chosen for {@code connections} new connections, one after another. */
    static List<Integer> choices(VirtualService service, int connections) {
        List<Destination> destinations = new ArrayList<>();
        for (RealServer server : service.realServers()) {
            destinations.add(new Idle(address(server.address()), server.port(), server.weight()));
        }
        ConnectionScheduler scheduler = Schedulers.create(service.scheduler(), service.schedulerFlags(), destinations,
                Schedulers.Settings.defaults());
        List<Integer> out = new ArrayList<>();
        InetAddress client = address("203.0.113.18");
        for (int i = 0; i < connections; i++) {
            Destination chosen = scheduler.select(destinations,
                    new ScheduledFlow(client, 40000 + i, address(service.address()), service.port()));
            out.add(chosen == null ? -1 : chosen.port());
        }
        return out;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /** A destination without connections: rr and wrr read only weight and overload. */
    private record Idle(InetAddress address, int port, int weight) implements Destination {
        @Override
        public int lastWeight() {
            return weight;
        }

        @Override
        public boolean overloaded() {
            return false;
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public int activeConnections() {
            return 0;
        }

        @Override
        public int inactiveConnections() {
            return 0;
        }
    }
}
