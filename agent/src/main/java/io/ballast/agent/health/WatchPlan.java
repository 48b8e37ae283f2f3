package io.ballast.agent.health;

import io.ballast.model.Addresses;
import io.ballast.model.ClusterSpec;
import io.ballast.model.HealthCheck;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the monitor should watch for one spec: for every real server of every service, its probe,
 * or why it cannot be probed, or nothing when the service has no check. Built off the loop thread.
 */
record WatchPlan(Map<WatchKey, Entry> entries) {

    /** Identity of a watched server: the same real server behind two services is watched twice. */
    record WatchKey(String service, String realServer) {
    }

    /**
     * @param check the service's check, or null when the service has none (the server is then up)
     * @param probe the prepared probe, or null when there is no check or it cannot run
     * @param error why the check cannot run, or null
     */
    record Entry(HealthCheck check, Probe probe, String error) {

        boolean unchecked() {
            return check == null;
        }

        /** True when the new entry checks the same thing the same way (keepalived's "compare"). */
        boolean sameProbeAs(Entry other) {
            return java.util.Objects.equals(probe, other.probe) && java.util.Objects.equals(error, other.error)
                    && unchecked() == other.unchecked();
        }
    }

    static WatchPlan of(ClusterSpec spec, CheckerRegistry registry) {
        Map<WatchKey, Entry> entries = new LinkedHashMap<>();
        for (VirtualService service : spec.virtualServices()) {
            String serviceKey = service.key().toString();
            for (RealServer server : service.realServers()) {
                WatchKey key = new WatchKey(serviceKey, server.key());
                entries.put(key, entry(key, server, service.healthCheck(), registry));
            }
        }
        return new WatchPlan(entries);
    }

    private static Entry entry(WatchKey key, RealServer server, HealthCheck check, CheckerRegistry registry) {
        if (check == null) {
            return new Entry(null, null, null);
        }
        if (check.type() == null) {
            return new Entry(check, null, "the health check has no type (tcp, http, https or script)");
        }
        Optional<Checker> checker = registry.checkerFor(check.type());
        if (checker.isEmpty()) {
            return new Entry(check, null, "this agent has no " + check.type().wireName() + " checker");
        }
        Optional<InetAddress> address = Addresses.parse(server.address());
        if (address.isEmpty()) {
            return new Entry(check, null, "real server address '" + server.address() + "' is not an IP address");
        }
        int port = check.port() != null ? check.port() : server.port();
        if (port < 1 || port > 65535) {
            return new Entry(check, null, port == 0
                    ? "no port to check: the real server's port is 0, so the check must name its own port"
                    : "check port " + port + " is not between 1 and 65535");
        }
        try {
            Probe probe = checker.get().prepare(new ProbeTarget(key.service(), key.realServer(), address.get(), port, check));
            return new Entry(check, probe, null);
        } catch (IllegalArgumentException e) {
            return new Entry(check, null, e.getMessage());
        }
    }
}
