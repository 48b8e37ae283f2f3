package io.ballast.agent.dataplane.nftables;

import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.dataplane.nftables.netlink.NetlinkException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the values of the plane's counter sets. Two ways: straight from the kernel over netlink
 * ({@link NetlinkCounterReader}, milliseconds for 30,000 counters), or through {@code nft list set}
 * ({@link NftCounterReader}, ≈ 12 µs of nft's CPU per element), kept for machines where netlink cannot
 * be used from the agent.
 */
interface CounterReader extends AutoCloseable {

    /**
     * set → element key (as {@link NftRulesetRenderer#counterKey} writes it) → value; a set that does not
     * exist maps to an empty map.
     */
    Map<String, Map<String, NftRulesetRenderer.CounterValue>> read(String table, Collection<String> sets)
            throws DataPlaneException;

    /** Which reader this is and, for the fallback, why: for the logs. */
    String describe();

    @Override
    void close();

    /**
     * The reader the {@code counters} setting asks for: "netlink" (the default) or "nft". When netlink
     * cannot be used (JNA's native part does not load, the namespace cannot be entered, the kernel refuses
     * the socket or the request), this gives {@code warn} one sentence saying why and returns the nft reader.
     */
    static CounterReader choose(String setting, String netns, String table, NftCommand nft, Consumer<String> warn)
            throws DataPlaneException {
        String choice = setting == null ? "netlink" : setting.strip().toLowerCase(Locale.ROOT);
        switch (choice) {
            case "nft":
                return new NftCounterReader(nft, "nft listing (setting \"counters\" is nft)");
            case "netlink":
                String why;
                try {
                    return NetlinkCounterReader.open(netns, table);
                } catch (NetlinkException e) {
                    why = e.getMessage();
                } catch (LinkageError e) {
                    // JNA's jar itself missing from the class path: the netlink classes cannot even link.
                    why = "JNA is not on the agent's class path (" + e + ").";
                }
                warn.accept("The nftables plane cannot read its counters over netlink, so it lists them with nft"
                        + " (≈ 0.5 s of CPU a second at 10,000 real servers): " + why);
                return new NftCounterReader(nft, "nft listing (netlink unavailable: " + why + ")");
            default:
                throw new DataPlaneException("The nftables setting \"counters\" must be \"netlink\" or \"nft\", not '"
                        + setting + "'.");
        }
    }
}
