package io.ballast.model.generators;

import io.ballast.model.AdminState;
import io.ballast.model.CheckType;
import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.FailAction;
import io.ballast.model.FailoverSettings;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.HealthCheck;
import io.ballast.model.OsType;
import io.ballast.model.Persistence;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.SorryServer;
import io.ballast.model.VirtualService;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random cluster specs and tables for property tests. Addresses come from small documentation-range
 * pools, so two random tables share many services and real servers and their plans mix adds, edits and
 * removals. Values are not necessarily valid specs: the codec and the planner must cope with anything
 * the records can hold.
 */
public final class SpecArbitraries {

    private SpecArbitraries() {
    }

    public static Arbitrary<List<VirtualService>> tables() {
        return service().list().ofMaxSize(6).uniqueElements(VirtualService::key);
    }

    public static Arbitrary<ClusterSpec> specs() {
        return Combinators.combine(
                        text(),
                        Arbitraries.of(ClusterForm.class),
                        Arbitraries.longs().between(0, Long.MAX_VALUE),
                        director().list().ofMaxSize(3),
                        tables(),
                        failover().injectNull(0.3))
                .as((name, form, revision, directors, services, failover) -> new ClusterSpec(
                        ClusterSpec.SCHEMA_VERSION, name, form, revision, directors, services, failover));
    }

    public static Arbitrary<VirtualService> service() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, addressService(false)),
                Tuple.of(2, addressService(true)),
                Tuple.of(2, markService()));
    }

    public static Arbitrary<RealServer> realServer(boolean ipv6, boolean markService) {
        Arbitrary<String> address = ipv6
                ? Arbitraries.integers().between(1, 8).map(i -> "2001:db8:1::" + Integer.toHexString(0x20 + i))
                : Arbitraries.integers().between(1, 8).map(i -> "198.51.100." + (20 + i));
        Arbitrary<Integer> port = markService ? Arbitraries.just(0) : Arbitraries.of(80, 443, 8080);
        Arbitrary<int[]> thresholds = Arbitraries.integers().between(0, 1000)
                .flatMap(upper -> Arbitraries.integers().between(0, upper).map(lower -> new int[] {upper, lower}));
        return Combinators.combine(
                        text().injectNull(0.5),
                        address,
                        port,
                        Arbitraries.integers().between(0, 65535),
                        Arbitraries.of(ForwardingMethod.class).injectNull(0.6),
                        thresholds,
                        Arbitraries.of(OsType.class),
                        Arbitraries.of(AdminState.class))
                .as((name, addr, p, weight, forwarding, limits, os, state) ->
                        new RealServer(name, addr, p, weight, forwarding, limits[0], limits[1], os, state));
    }

    private static Arbitrary<VirtualService> addressService(boolean ipv6) {
        Arbitrary<String> vip = ipv6
                ? Arbitraries.integers().between(1, 3).map(i -> "2001:db8::" + Integer.toHexString(0x10 + i))
                : Arbitraries.integers().between(1, 4).map(i -> "203.0.113." + (9 + i));
        return Combinators.combine(
                        Arbitraries.of(Protocol.class),
                        vip,
                        Arbitraries.of(80, 443, 53),
                        settings(ipv6),
                        realServer(ipv6, false).list().ofMaxSize(6).uniqueElements(RealServer::key))
                .as((protocol, address, port, s, servers) -> new VirtualService(s.name, protocol, address, port,
                        null, null, s.scheduler, s.flags, s.persistence, s.forwarding, s.sorry, s.check, servers));
    }

    private static Arbitrary<VirtualService> markService() {
        return Arbitraries.of(false, true).flatMap(ipv6 -> Combinators.combine(
                        // Marks above 2^31 - 1 are negative ints: they must survive JSON and planning alike.
                        Arbitraries.of(1, 2, 3, -1, Integer.MIN_VALUE),
                        settings(ipv6),
                        realServer(ipv6, true).list().ofMaxSize(6).uniqueElements(RealServer::key))
                .as((mark, s, servers) -> new VirtualService(s.name, null, null, 0, mark, ipv6 ? "inet6" : "inet",
                        s.scheduler, s.flags, s.persistence, s.forwarding, s.sorry, s.check, servers)));
    }

    /** A service's own settings, everything but its identity and real servers. */
    private record Settings(String name, Scheduler scheduler, Set<SchedulerFlag> flags, Persistence persistence,
                            ForwardingMethod forwarding, SorryServer sorry, HealthCheck check) {
    }

    private static Arbitrary<Settings> settings(boolean ipv6) {
        Arbitrary<Persistence> persistence = Combinators.combine(
                        Arbitraries.integers().between(1, 3600),
                        Arbitraries.of(ipv6 ? "64" : "255.255.255.0").injectNull(0.5))
                .as(Persistence::new);
        Arbitrary<SorryServer> sorry = Arbitraries.integers().between(1, 65535)
                .map(port -> new SorryServer(ipv6 ? "2001:db8:1::99" : "198.51.100.99", port));
        return Arbitraries.of(Scheduler.class).flatMap(scheduler -> Combinators.combine(
                        text().injectNull(0.5),
                        flagsFor(scheduler),
                        persistence.injectNull(0.6),
                        Arbitraries.of(ForwardingMethod.class),
                        sorry.injectNull(0.7),
                        healthCheck().injectNull(0.4))
                .as((name, flags, p, forwarding, s, check) -> new Settings(name, scheduler, flags, p, forwarding, s, check)));
    }

    private static Arbitrary<Set<SchedulerFlag>> flagsFor(Scheduler scheduler) {
        if (scheduler == Scheduler.SH) {
            return Arbitraries.subsetOf(SchedulerFlag.SH_FALLBACK, SchedulerFlag.SH_PORT);
        }
        if (scheduler == Scheduler.MH) {
            return Arbitraries.subsetOf(SchedulerFlag.MH_FALLBACK, SchedulerFlag.MH_PORT);
        }
        return Arbitraries.just(Set.of());
    }

    public static Arbitrary<HealthCheck> healthCheck() {
        Arbitrary<HealthCheck> tcp = Combinators.combine(
                        Arbitraries.integers().between(100, 10_000),
                        Arbitraries.integers().between(1, 99),
                        Arbitraries.integers().between(1, 5),
                        Arbitraries.integers().between(1, 5))
                .as((interval, percent, rise, fall) -> HealthCheck.tcp(interval, interval * percent / 100 + 1, rise, fall));
        Arbitrary<HealthCheck> http = Combinators.combine(
                        Arbitraries.of(CheckType.HTTP, CheckType.HTTPS),
                        Arbitraries.of("/", "/healthz", "/status?full=1"),
                        Arbitraries.of("shop.example.com").injectNull(0.5),
                        Arbitraries.integers().between(100, 599).list().ofMaxSize(3),
                        Arbitraries.of("ok", "ready|up", "\"status\":\\s*\"up\"").injectNull(0.5),
                        Arbitraries.integers().between(1, 65535).injectNull(0.7),
                        Arbitraries.of(FailAction.class))
                .as((type, path, host, statuses, regex, port, onFailure) -> new HealthCheck(type, 2000, 1000, 2, 3,
                        port, path, host, statuses, regex, List.of(), onFailure));
        Arbitrary<HealthCheck> script = Arbitraries.of("/usr/local/bin/check", "/opt/probe")
                .map(cmd -> new HealthCheck(CheckType.SCRIPT, 3000, 1000, 1, 3, null, null, null, List.of(), null,
                        List.of(cmd, "%a", "%p"), FailAction.REMOVE));
        return Arbitraries.oneOf(tcp, http, script);
    }

    private static Arbitrary<Director> director() {
        return Combinators.combine(
                        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(5),
                        Arbitraries.integers().between(1, 254),
                        Arbitraries.integers().between(1, 254),
                        Arbitraries.of("eth0", "bond0").injectNull(0.3))
                .as((id, host, priority, iface) -> new Director("lb-" + id, "192.0.2." + host,
                        "https://192.0.2." + host + ":9443", priority, iface));
    }

    private static Arbitrary<FailoverSettings> failover() {
        Arbitrary<List<String>> addresses = Arbitraries.integers().between(1, 254)
                .map(i -> "192.0.2." + i).list().ofMaxSize(3);
        return Combinators.combine(
                        Arbitraries.integers().between(1, 255),
                        Arbitraries.integers().between(1, 25_500).map(i -> i * 10),
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 1000),
                        addresses,
                        Arbitraries.of(true, false),
                        addresses)
                .as(FailoverSettings::new);
    }

    /** Operator-typed text, including quotes, backslashes and non-ASCII letters that JSON must escape or carry. */
    private static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('ä', 'é', '–', '\t').ofMinLength(1).ofMaxLength(12);
    }
}
