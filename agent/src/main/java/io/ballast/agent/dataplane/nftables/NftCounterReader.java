package io.ballast.agent.dataplane.nftables;

import io.ballast.agent.dataplane.DataPlaneException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Counters through {@code nft -p list set} ({@link CounterListing}). nft 1.0.6 lists one set per run (a
 * second {@code list set} in the same run finds its cache filtered down to the first set), so the
 * listings are separate runs, side by side: one after the other they took longer than the sampler's
 * second on a busy machine (~0.15 s of CPU each at 10,000 elements).
 */
final class NftCounterReader implements CounterReader {

    private final NftCommand nft;
    private final String description;
    /** Runs the counter sets' listings, one thread per set in use (at most 11). */
    private final ExecutorService listers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "nft-counters");
        t.setDaemon(true);
        return t;
    });

    NftCounterReader(NftCommand nft, String description) {
        this.nft = nft;
        this.description = description;
    }

    @Override
    public Map<String, Map<String, NftRulesetRenderer.CounterValue>> read(String table, Collection<String> sets)
            throws DataPlaneException {
        Map<String, CompletableFuture<Map<String, NftRulesetRenderer.CounterValue>>> listings = new LinkedHashMap<>();
        for (String set : sets) {
            listings.put(set, CompletableFuture.supplyAsync(() -> {
                try {
                    return nft.setCounters("inet", table, set);
                } catch (DataPlaneException e) {
                    throw new CompletionException(e);
                }
            }, listers));
        }
        Map<String, Map<String, NftRulesetRenderer.CounterValue>> values = new HashMap<>();
        for (Map.Entry<String, CompletableFuture<Map<String, NftRulesetRenderer.CounterValue>>> listing : listings.entrySet()) {
            Map<String, NftRulesetRenderer.CounterValue> listed;
            try {
                listed = listing.getValue().join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof DataPlaneException failed) {
                    throw failed;
                }
                throw e;
            }
            values.put(listing.getKey(), listed == null ? Map.of() : listed);
        }
        return values;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        listers.shutdownNow();
    }
}
