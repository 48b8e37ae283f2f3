package io.ballast.benchmarks;

import io.ballast.model.AdminState;
import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.FailoverSettings;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.HealthCheck;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.VirtualService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The large cluster of the performance targets: 2,277 virtual services and 37,205 real servers
 * (about 16 per service), from the documentation address ranges, the same for the same seed.
 * One service in ten is IPv6 and one in fifty a firewall mark, so every key shape is exercised.
 */
public final class LargeSpecs {

    public static final int SERVICES = 2_277;
    public static final int REAL_SERVERS = 37_205;

    private static final Scheduler[] SCHEDULERS = {Scheduler.WLC, Scheduler.WRR, Scheduler.RR, Scheduler.SH, Scheduler.MH};

    private LargeSpecs() {
    }

    /** A valid HA_PAIR spec of {@link #SERVICES} services and {@link #REAL_SERVERS} real servers. */
    public static ClusterSpec generate(long seed) {
        Random random = new Random(seed);
        int[] perService = serverCounts(random);
        List<VirtualService> services = new ArrayList<>(SERVICES);
        for (int i = 0; i < SERVICES; i++) {
            services.add(service(i, perService[i], random));
        }
        List<Director> directors = List.of(
                new Director("lb-a", "192.0.2.11", "https://192.0.2.11:9443", 150, "eth0"),
                new Director("lb-b", "192.0.2.12", "https://192.0.2.12:9443", 100, "eth0"));
        return new ClusterSpec(ClusterSpec.SCHEMA_VERSION, "large", ClusterForm.HA_PAIR, 1, directors, services,
                new FailoverSettings(51, 100, true, 30, List.of(), true, List.of()));
    }

    /**
     * The same spec with {@code count} real servers changed: most get another weight, some are drained,
     * some removed and some replaced by a new address — the mix an operator's day produces.
     */
    public static ClusterSpec withChangedRealServers(ClusterSpec spec, int count, long seed) {
        Random random = new Random(seed);
        List<int[]> positions = new ArrayList<>(REAL_SERVERS);
        List<VirtualService> services = spec.virtualServices();
        for (int s = 0; s < services.size(); s++) {
            for (int r = 0; r < services.get(s).realServers().size(); r++) {
                positions.add(new int[] {s, r});
            }
        }
        Collections.shuffle(positions, random);
        List<List<RealServer>> servers = new ArrayList<>(services.size());
        services.forEach(service -> servers.add(new ArrayList<>(service.realServers())));
        // Change from the back of each list so a removal does not shift the next position.
        List<int[]> chosen = new ArrayList<>(positions.subList(0, count));
        chosen.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        for (int[] at : chosen) {
            List<RealServer> list = servers.get(at[0]);
            RealServer server = list.get(at[1]);
            int kind = random.nextInt(10);
            if (kind < 6) {
                list.set(at[1], server.withWeight(1 + (server.weight() + 1 + random.nextInt(50)) % 100));
            } else if (kind < 8) {
                list.set(at[1], server.withState(AdminState.DRAIN));
            } else if (kind < 9) {
                list.remove(at[1]);
            } else {
                list.set(at[1], RealServer.of(server.name() + "-new", server.address(), server.port() + 1,
                        server.weight()));
            }
        }
        List<VirtualService> changed = new ArrayList<>(services.size());
        for (int s = 0; s < services.size(); s++) {
            changed.add(services.get(s).withRealServers(servers.get(s)));
        }
        return spec.withVirtualServices(changed).withRevision(spec.revision() + 1);
    }

    /** 16 or 17 servers per service, summing to exactly {@link #REAL_SERVERS}. */
    private static int[] serverCounts(Random random) {
        int base = REAL_SERVERS / SERVICES;
        int[] counts = new int[SERVICES];
        java.util.Arrays.fill(counts, base);
        List<Integer> order = new ArrayList<>(SERVICES);
        for (int i = 0; i < SERVICES; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        for (int i = 0; i < REAL_SERVERS - base * SERVICES; i++) {
            counts[order.get(i)]++;
        }
        return counts;
    }

    private static VirtualService service(int index, int serverCount, Random random) {
        Scheduler scheduler = SCHEDULERS[random.nextInt(SCHEDULERS.length)];
        Set<SchedulerFlag> flags = scheduler == Scheduler.SH ? Set.of(SchedulerFlag.SH_FALLBACK)
                : scheduler == Scheduler.MH ? Set.of(SchedulerFlag.MH_PORT) : Set.of();
        boolean mark = index % 50 == 49;
        boolean ipv6 = !mark && index % 10 == 9;
        int first = random.nextInt(254);
        List<RealServer> servers = new ArrayList<>(serverCount);
        for (int r = 0; r < serverCount; r++) {
            int host = 1 + (first + r) % 254;
            String address = ipv6 ? "2001:db8:1::" + Integer.toHexString(host) : "198.51.100." + host;
            servers.add(RealServer.of("rs-" + index + "-" + r, address, mark ? 0 : 8080, 1 + random.nextInt(100)));
        }
        HealthCheck check = HealthCheck.tcp(2000, 1000, 2, 3);
        if (mark) {
            return new VirtualService("mark-" + index, null, null, 0, 1 + index, "inet", scheduler, flags, null,
                    ForwardingMethod.DR, null, check, servers);
        }
        // 250 VIPs per family, each with up to ten ports: enough distinct keys without leaving the ranges.
        String vip = ipv6 ? "2001:db8::" + Integer.toHexString(1 + index % 250) : "203.0.113." + (1 + index % 250);
        int port = 8000 + index / 250;
        return new VirtualService("svc-" + index, Protocol.TCP, vip, port, null, null, scheduler, flags, null,
                ForwardingMethod.NAT, null, check, servers);
    }
}
