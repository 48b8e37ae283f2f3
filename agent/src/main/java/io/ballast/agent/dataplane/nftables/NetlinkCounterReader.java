package io.ballast.agent.dataplane.nftables;

import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.dataplane.nftables.netlink.Errno;
import io.ballast.agent.dataplane.nftables.netlink.NetlinkException;
import io.ballast.agent.dataplane.nftables.netlink.NetlinkSocket;
import io.ballast.agent.dataplane.nftables.netlink.SetElementDump;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Counters straight from the kernel: one NFT_MSG_GETSETELEM dump per set over a netfilter netlink socket
 * opened in the plane's namespace and kept for the plane's life. nft spends ≈ 12 µs of CPU per element
 * on its own parsing and printing; the kernel's dump of the same set is a few milliseconds.
 */
final class NetlinkCounterReader implements CounterReader {

    /** Attempts per set: a failed socket is replaced once, and a dump the set's change cut short is redone. */
    private static final int ATTEMPTS = 3;

    private final String netns;
    private final Map<String, CounterKeyFormat> formats = CounterKeyFormat.ofCounterSets();
    /** Per set: key bytes → the key's text, so a sample decodes only keys it has not seen before. */
    private final Map<String, KeyTextCache> texts = new HashMap<>();
    private NetlinkSocket socket;

    private NetlinkCounterReader(String netns, NetlinkSocket socket) {
        this.netns = netns;
        this.socket = socket;
    }

    /**
     * Opens the socket in {@code netns} (null: the agent's own) and asks for one counter set of
     * {@code table}, so that a kernel that refuses the request (no CAP_NET_ADMIN) is found out now,
     * not at the first sample. A table or set that does not exist yet is fine.
     */
    static NetlinkCounterReader open(String netns, String table) throws NetlinkException {
        NetlinkSocket socket = NetlinkSocket.open(netns);
        try {
            SetElementDump.read(socket, SetElementDump.NFPROTO_INET, table, CounterSets.ALL.get(0),
                    (message, at, length, packets, bytes) -> { });
        } catch (NetlinkException e) {
            socket.close();
            throw e;
        }
        return new NetlinkCounterReader(netns == null || netns.isBlank() ? null : netns, socket);
    }

    @Override
    public synchronized Map<String, Map<String, NftRulesetRenderer.CounterValue>> read(String table,
                                                                                     Collection<String> sets)
            throws DataPlaneException {
        if (socket != null && !socket.stillInItsNamespace()) {
            socket.close();
            socket = null;
        }
        Map<String, Map<String, NftRulesetRenderer.CounterValue>> values = new HashMap<>();
        for (String set : sets) {
            values.put(set, readSet(table, set));
        }
        return values;
    }

    private Map<String, NftRulesetRenderer.CounterValue> readSet(String table, String set) throws DataPlaneException {
        CounterKeyFormat format = formats.get(set);
        if (format == null) {
            throw new IllegalArgumentException("'" + set + "' is not one of Ballast's counter sets.");
        }
        KeyTextCache cache = texts.computeIfAbsent(set, s -> new KeyTextCache());
        NetlinkException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Map<String, NftRulesetRenderer.CounterValue> counters = new HashMap<>(Math.max(16, cache.size() * 2));
            try {
                if (socket == null) {
                    socket = NetlinkSocket.open(netns);
                }
                boolean exists = SetElementDump.read(socket, SetElementDump.NFPROTO_INET, table, set,
                        (message, at, length, packets, bytes) -> {
                            String key = cache.get(message, at, length);
                            if (key == null) {
                                key = format.decode(message, at, length);
                                cache.put(message, at, length, key);
                            }
                            counters.put(key, new NftRulesetRenderer.CounterValue(packets, bytes));
                        });
                cache.trim(counters.size());
                return exists ? counters : Map.of();
            } catch (NetlinkException e) {
                last = e;
                // What is left of a failed answer must not meet the next request: start on a fresh socket.
                if (socket != null) {
                    socket.close();
                    socket = null;
                }
                if (e.errno() != Errno.EINTR && attempt > 0) {
                    break;
                }
            }
        }
        throw new DataPlaneException("Could not read the nftables counters over netlink"
                + (netns == null ? "" : " in namespace '" + netns + "'") + ": " + last.getMessage(), last);
    }

    @Override
    public String describe() {
        return "netlink (nf_tables set element dumps" + (netns == null ? "" : ", in namespace " + netns) + ")";
    }

    @Override
    public synchronized void close() {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
