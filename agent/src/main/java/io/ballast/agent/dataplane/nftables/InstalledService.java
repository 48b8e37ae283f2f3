package io.ballast.agent.dataplane.nftables;

import io.ballast.model.AdminState;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import java.util.List;

/**
 * A service as it lives in Ballast's nft table: the table entry plus the small numbers that name its
 * objects ({@code vs7} chain and counter, {@code vs7r2} per real server, {@code vs7r2p} persistence
 * set, {@code vs7s} sorry chain). Numbers stay with a server for its life, so an edit touches only
 * its own objects and its counters carry on.
 *
 * @param id            the service's number
 * @param service       the table entry
 * @param serverNumbers one number per entry of {@code service.realServers()}, same order
 */
public record InstalledService(int id, VirtualService service, List<Integer> serverNumbers) {

    public InstalledService {
        serverNumbers = List.copyOf(serverNumbers);
        if (serverNumbers.size() != service.realServers().size()) {
            throw new IllegalArgumentException("one number per real server expected");
        }
    }

    public String chain() {
        return "vs" + id;
    }

    public String sorryChain() {
        return "vs" + id + "s";
    }

    public String serverChain(int position) {
        return "vs" + id + "r" + serverNumbers.get(position);
    }

    public String persistSet(int position) {
        return serverChain(position) + "p";
    }

    /** Whether this server may take new connections: active with a weight above zero. */
    public static boolean eligible(RealServer server) {
        return server.weight() > 0 && server.state() == AdminState.ACTIVE;
    }
}
