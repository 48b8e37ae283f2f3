package io.ballast.agent.dataplane.ipvs;

import io.ballast.model.ForwardingMethod;
import io.ballast.model.Persistence;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.ServiceKey;
import io.ballast.model.SorryServer;
import io.ballast.model.VirtualService;
import io.ballast.model.OsType;
import io.ballast.model.AdminState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Tables the IPVS tests apply: every scheduler and forwarding method, and the expected kernel view of a table. */
final class IpvsTables {

    private IpvsTables() {
    }

    static VirtualService tcp(String address, int port, Scheduler scheduler, ForwardingMethod forwarding,
                              List<RealServer> servers) {
        return new VirtualService(null, Protocol.TCP, address, port, null, null, scheduler, Set.of(), null,
                forwarding, null, null, servers);
    }

    static RealServer server(String name, String address, int port, int weight) {
        return new RealServer(name, address, port, weight, null, 0, 0, OsType.LINUX, AdminState.ACTIVE);
    }

    /** One service per scheduler (forwarding cycling nat, dr, tun) plus udp, sctp, IPv6 and mark services. */
    static List<VirtualService> everyFeature(Set<Scheduler> schedulers) {
        List<VirtualService> table = new ArrayList<>();
        ForwardingMethod[] methods = ForwardingMethod.values();
        int i = 0;
        for (Scheduler scheduler : schedulers) {
            ForwardingMethod method = methods[i % methods.length];
            int port = 8000 + i;
            int realPort = method == ForwardingMethod.NAT ? 9000 + i : port;
            List<RealServer> servers = new ArrayList<>();
            for (int r = 1; r <= 3; r++) {
                servers.add(server("s" + i + "-" + r, "198.51.100." + (i * 3 + r), realPort, r));
            }
            RealServer first = servers.get(0);
            servers.set(0, new RealServer(first.name(), first.address(), first.port(), first.weight(), null, 100, 50,
                    OsType.LINUX, AdminState.ACTIVE));
            Set<SchedulerFlag> flags = scheduler == Scheduler.SH ? EnumSet.of(SchedulerFlag.SH_FALLBACK,
                    SchedulerFlag.SH_PORT) : scheduler == Scheduler.MH ? EnumSet.of(SchedulerFlag.MH_PORT) : Set.of();
            Persistence persistence = scheduler == Scheduler.RR ? new Persistence(300, "255.255.255.0") : null;
            table.add(new VirtualService(null, Protocol.TCP, "203.0.113.10", port, null, null, scheduler, flags,
                    persistence, method, null, null, servers));
            i++;
        }
        table.add(new VirtualService(null, Protocol.UDP, "203.0.113.11", 53, null, null, Scheduler.WRR, Set.of(),
                new Persistence(60, null), ForwardingMethod.NAT, null, null,
                List.of(server("dns-1", "198.51.100.101", 5353, 3), server("dns-2", "198.51.100.102", 5353, 1))));
        table.add(new VirtualService(null, Protocol.SCTP, "203.0.113.12", 9999, null, null, Scheduler.RR, Set.of(),
                null, ForwardingMethod.DR, null, null, List.of(server("sctp-1", "198.51.100.111", 9999, 1))));
        table.add(new VirtualService(null, Protocol.TCP, "2001:db8::10", 443, null, null, Scheduler.WLC, Set.of(),
                new Persistence(120, "64"), ForwardingMethod.NAT, null, null,
                List.of(server("v6-1", "2001:db8:1::1", 8443, 2), server("v6-2", "2001:db8:1::2", 8443, 2))));
        table.add(new VirtualService(null, null, null, 0, 7, "inet", Scheduler.RR, Set.of(), null,
                ForwardingMethod.DR, null, null,
                List.of(server("mark-1", "198.51.100.121", 0, 1), new RealServer("mark-2", "198.51.100.122", 0, 1,
                        ForwardingMethod.TUN, 0, 0, OsType.LINUX, AdminState.ACTIVE))));
        table.add(new VirtualService(null, null, null, 0, 8, "inet6", Scheduler.WRR, Set.of(), null,
                ForwardingMethod.DR, null, null, List.of(server("mark6-1", "2001:db8:2::1", 0, 5))));
        table.add(new VirtualService(null, Protocol.TCP, "203.0.113.13", 80, null, null, Scheduler.WRR, Set.of(),
                null, ForwardingMethod.NAT, new SorryServer("198.51.100.200", 8080), null,
                List.of(server("down-1", "198.51.100.131", 8080, 0))));
        return table;
    }

    /** What {@code ipvsadm -Ln} shows for a table: forwarding spelled out, sorry servers as destinations. */
    static Map<ServiceKey, VirtualService> kernelView(List<VirtualService> table) {
        Map<ServiceKey, VirtualService> out = new TreeMap<>(Comparator.comparing(ServiceKey::toString));
        for (VirtualService service : table) {
            List<RealServer> servers = new ArrayList<>();
            for (RealServer server : service.realServers()) {
                servers.add(new RealServer(null, server.address(), server.port(), server.weight(),
                        server.effectiveForwarding(service.forwarding()), server.upperThreshold(),
                        server.lowerThreshold(), null, null));
            }
            RealServer sorry = PlanTranslator.sorryDestination(service);
            if (sorry != null) {
                servers.add(sorry);
            }
            servers.sort(Comparator.comparing(RealServer::key));
            out.put(service.key(), new VirtualService(null, service.protocol(), service.address(), service.port(),
                    service.firewallMark(), service.firewallMark() == null ? null : service.addressFamily(),
                    service.scheduler(), service.schedulerFlags(), service.persistence(), null, null, null, servers));
        }
        return out;
    }

    /** A table keyed and sorted so that two tables compare equal whatever order the kernel lists them in. */
    static Map<ServiceKey, VirtualService> sorted(List<VirtualService> table) {
        Map<ServiceKey, VirtualService> out = new TreeMap<>(Comparator.comparing(ServiceKey::toString));
        for (VirtualService service : table) {
            List<RealServer> servers = new ArrayList<>(service.realServers());
            servers.sort(Comparator.comparing(RealServer::key));
            out.put(service.key(), service.withRealServers(servers));
        }
        return out;
    }
}
