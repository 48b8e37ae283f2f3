package io.ballast.agent.dataplane.nftables;

import io.ballast.model.AdminState;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;

/**
 * A service as it lives in Ballast's nft table: the table entry plus the number that names its
 * objects — chain {@code vs7} (counts and dispatches, then, after a {@code return} no packet passes,
 * the records of its real servers in rule comments), and with persistence map {@code vs7p} and chain
 * {@code vs7u}. The number stays with the service for its life, so an edit touches only its objects.
 * Real servers have no objects of their own (no chain, no named counter): nft fetches every chain and
 * object of a table before each transaction, so per-server objects would make every change cost
 * time in proportion to the whole table.
 */
public record InstalledService(int id, VirtualService service) {

    public String chain() {
        return "vs" + id;
    }

    public String persistMap() {
        return "vs" + id + "p";
    }

    public String persistChain() {
        return "vs" + id + "u";
    }

    /** Whether this server may take new connections: active with a weight above zero. */
    public static boolean eligible(RealServer server) {
        return server.weight() > 0 && server.state() == AdminState.ACTIVE;
    }
}
