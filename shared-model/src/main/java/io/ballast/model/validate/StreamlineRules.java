package io.ballast.model.validate;

import io.ballast.model.Addresses;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.OsType;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import java.util.List;

/**
 * A STREAMLINE cluster's nodes are its directors and its real servers at once: every node serves every
 * service, runs Linux, and is reached by DR or NAT (a node cannot decapsulate its own IP-in-IP tunnel).
 */
final class StreamlineRules {

    private StreamlineRules() {
    }

    static void check(ClusterSpec spec, Problems problems) {
        List<VirtualService> services = spec.virtualServices();
        for (int i = 0; i < services.size(); i++) {
            VirtualService service = services.get(i);
            String base = "/virtualServices/" + i;
            for (Director director : spec.directors()) {
                if (Addresses.isLiteral(director.address()) && !servesAsRealServer(service, director.address())) {
                    problems.add(base + "/realServers", "director " + director.id() + " (" + director.address()
                            + ") is not a real server of this service; in a STREAMLINE cluster every node serves"
                            + " every service, so add a real server with address " + director.address());
                }
            }
            if (service.forwarding() == ForwardingMethod.TUN) {
                problems.add(base + "/forwarding", "a STREAMLINE cluster forwards by dr or nat; tun is not possible"
                        + " because the nodes are the directors themselves");
            }
            List<RealServer> servers = service.realServers();
            for (int j = 0; j < servers.size(); j++) {
                RealServer server = servers.get(j);
                String path = base + "/realServers/" + j;
                if (server.os() == OsType.WINDOWS) {
                    problems.add(path + "/os", "a STREAMLINE cluster runs on Linux nodes only; put Windows real"
                            + " servers in a SINGLE or HA_PAIR cluster");
                }
                if (server.forwarding() == ForwardingMethod.TUN) {
                    problems.add(path + "/forwarding", "a STREAMLINE cluster forwards by dr or nat; remove tun");
                }
            }
        }
    }

    private static boolean servesAsRealServer(VirtualService service, String address) {
        String wanted = Addresses.canonical(address);
        for (RealServer server : service.realServers()) {
            if (wanted.equals(Addresses.canonical(server.address()))) {
                return true;
            }
        }
        return false;
    }
}
