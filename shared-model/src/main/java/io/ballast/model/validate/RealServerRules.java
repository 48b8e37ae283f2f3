package io.ballast.model.validate;

import io.ballast.model.Addresses;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rules for the real servers of one virtual service. */
final class RealServerRules {

    private RealServerRules() {
    }

    static void check(VirtualService service, String serviceBase, Problems problems) {
        String family = familyOf(service);
        Map<String, Integer> firstWithKey = new HashMap<>();
        List<RealServer> servers = service.realServers();
        for (int j = 0; j < servers.size(); j++) {
            RealServer server = servers.get(j);
            String base = serviceBase + "/realServers/" + j;
            boolean literal = Addresses.isLiteral(server.address());
            if (server.address() == null) {
                problems.add(base + "/address", "is missing; write the real server's address, such as 198.51.100.21");
            } else if (!literal) {
                problems.add(base + "/address", "'" + server.address() + "' is not an IP address literal; write the"
                        + " real server's address, such as 198.51.100.21 (host names are not resolved)");
            } else if (family != null && !family.equals(familyOf(server.address()))) {
                problems.add(base + "/address", server.address() + " is " + familyOf(server.address())
                        + " but the service is " + family + "; a service balances to real servers of its own family");
            }
            problems.range(base + "/port", server.port(), 0, 65535);
            problems.range(base + "/weight", server.weight(), 0, 65535);
            checkThresholds(server, base, problems);
            checkPortRewrite(service, server, base, problems);
            if (literal) {
                String key = Addresses.endpoint(Addresses.canonical(server.address()), server.port());
                Integer first = firstWithKey.putIfAbsent(key, j);
                if (first != null) {
                    problems.add(base, "defines " + key + " again, like " + serviceBase + "/realServers/" + first
                            + "; a real server may appear once per service");
                }
            }
        }
    }

    private static void checkThresholds(RealServer server, String base, Problems problems) {
        if (server.upperThreshold() < 0) {
            problems.add(base + "/upperThreshold", "must be 0 (no limit) or more; it is " + server.upperThreshold());
        }
        if (server.lowerThreshold() < 0) {
            problems.add(base + "/lowerThreshold", "must be 0 (no limit) or more; it is " + server.lowerThreshold());
        }
        if (server.lowerThreshold() > 0 && server.upperThreshold() > 0
                && server.lowerThreshold() > server.upperThreshold()) {
            problems.add(base + "/lowerThreshold", "is " + server.lowerThreshold() + ", above upperThreshold "
                    + server.upperThreshold() + "; the server resumes below the lower threshold, so it must not"
                    + " exceed the upper one");
        }
    }

    // DR rewrites only the MAC and TUN only wraps the packet: the real server sees the VIP's port unchanged.
    private static void checkPortRewrite(VirtualService service, RealServer server, String base, Problems problems) {
        ForwardingMethod method = server.effectiveForwarding(service.forwarding());
        if (service.firewallMark() == null && method != ForwardingMethod.NAT && server.port() != service.port()) {
            problems.add(base + "/port", "is " + server.port() + " but " + method.wireName() + " forwarding cannot"
                    + " change the port; use the service's port " + service.port() + " or nat forwarding");
        }
    }

    /** "inet", "inet6", or null when the service has no valid family yet (other problems say why). */
    private static String familyOf(VirtualService service) {
        if (service.firewallMark() != null) {
            String declared = service.addressFamily();
            return "inet".equals(declared) || "inet6".equals(declared) ? declared : null;
        }
        return Addresses.isLiteral(service.address()) ? familyOf(service.address()) : null;
    }

    private static String familyOf(String literal) {
        return Addresses.isIpv6(literal) ? "inet6" : "inet";
    }
}
