package io.ballast.agent.dataplane.ipvs;

import io.ballast.model.ForwardingMethod;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import java.util.ArrayList;
import java.util.List;

/** The benchmark table (2,277 services, 37,205 real servers) in the three forms the contenders load. */
final class IpvsBenchData {

    private IpvsBenchData() {
    }

    /** {@code services} TCP services, {@code servers} real servers spread as evenly as they go (16 or 17 each). */
    static List<VirtualService> table(int services, int servers) {
        List<VirtualService> table = new ArrayList<>(services);
        int base = servers / services;
        int extra = servers % services;
        for (int s = 0; s < services; s++) {
            int count = base + (s < extra ? 1 : 0);
            int port = 10000 + s / 200;
            String vip = "203.0.113." + (1 + s % 200);
            List<RealServer> reals = new ArrayList<>(count);
            for (int r = 0; r < count; r++) {
                reals.add(RealServer.of(null, "198.51.100." + (1 + r), port, 1 + r % 3));
            }
            table.add(IpvsTables.tcp(vip, port, Scheduler.WRR, ForwardingMethod.NAT, reals));
        }
        return table;
    }

    /** The ipvsadm -R lines of the table: the same rules the plane sends. */
    static String restoreRules(List<VirtualService> table) {
        StringBuilder out = new StringBuilder();
        for (VirtualService service : table) {
            out.append(IpvsadmCommandBuilder.restoreLine(IpvsadmCommandBuilder.addService(service))).append('\n');
            for (RealServer server : service.realServers()) {
                out.append(IpvsadmCommandBuilder.restoreLine(IpvsadmCommandBuilder.addDestination(service, server)))
                        .append('\n');
            }
        }
        return out.toString();
    }

    /** The same table as keepalived virtual_server blocks (no checkers: every real server counts as up). */
    static String keepalivedConf(List<VirtualService> table) {
        StringBuilder out = new StringBuilder("global_defs {\n    router_id bench\n}\n");
        for (VirtualService service : table) {
            out.append("virtual_server ").append(service.address()).append(' ').append(service.port()).append(" {\n")
                    .append("    delay_loop 60\n    lb_algo wrr\n    lb_kind NAT\n    protocol TCP\n");
            for (RealServer server : service.realServers()) {
                out.append("    real_server ").append(server.address()).append(' ').append(server.port())
                        .append(" {\n        weight ").append(server.weight()).append("\n    }\n");
            }
            out.append("}\n");
        }
        return out.toString();
    }
}
