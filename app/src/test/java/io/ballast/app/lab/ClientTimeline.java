package io.ballast.app.lab;

import io.ballast.app.main.LiveCluster;
import io.ballast.app.timeline.EntryKind;
import io.ballast.app.timeline.TimelineEntry;
import java.util.concurrent.TimeUnit;

/** What the lab drills check on the client side: the takeover reached the operator's timeline. */
final class ClientTimeline {

    private ClientTimeline() {
    }

    /** The FAILOVER entry of {@code director}, waiting up to 30 s for it; fails with what the timeline shows instead. */
    static TimelineEntry awaitFailover(LiveCluster client, ThreadedTaskExecutor executor, String director)
            throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            TimelineEntry found = executor.onUi(() -> client.timeline().recent().stream()
                    .filter(e -> e.kind() == EntryKind.FAILOVER && director.equals(e.director()))
                    .findFirst().orElse(null));
            if (found != null) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the client's timeline never showed " + director + " taking over; it shows "
                + executor.onUi(() -> client.timeline().recent().stream().map(TimelineEntry::title).toList()));
    }
}
