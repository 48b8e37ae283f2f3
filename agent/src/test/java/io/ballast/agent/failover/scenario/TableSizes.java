package io.ballast.agent.failover.scenario;

import io.ballast.agent.testsupport.netns.DirectorPair;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples both directors' connection-tracking table sizes every 250 ms (at most 30 s) during a fail-back,
 * so the benchmark can show when the restored director's resynchronisation had landed relative to the
 * moment it took the VIPs back.
 */
final class TableSizes {

    private static final long PERIOD_MS = 250;
    private static final long MAX_MS = 30_000;

    private final List<long[]> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;

    private TableSizes(DirectorPair pair) {
        thread = new Thread(() -> sample(pair), "table-sizes");
        thread.setDaemon(true);
    }

    static TableSizes start(DirectorPair pair) {
        TableSizes sizes = new TableSizes(pair);
        sizes.thread.start();
        return sizes;
    }

    private void sample(DirectorPair pair) {
        long until = System.currentTimeMillis() + MAX_MS;
        while (!stopped && System.currentTimeMillis() < until) {
            long[] sample = {System.currentTimeMillis(), pair.conntrackCount(pair.a()), pair.conntrackCount(pair.b())};
            synchronized (samples) {
                samples.add(sample);
            }
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Stops sampling, letting a running sample finish (an interrupted command fails loudly); the samples as
     * [epoch ms, lb-a entries, lb-b entries].
     */
    List<long[]> stop() throws InterruptedException {
        stopped = true;
        thread.join(5_000);
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }
}
