package io.ballast.agent.health;

import java.util.concurrent.CompletableFuture;

/**
 * One prepared check of one real server: what to ask and how to judge the answer.
 *
 * <p>Like keepalived's checkers, a probe knows how to compare itself with its previous version:
 * {@link #equals} must be true exactly when two probes ask the same thing and judge it the same way.
 * On a spec change the monitor keeps a server's rise/fall counters when its new probe equals the old
 * one, so changing an unrelated server, the interval or the thresholds restarts nothing.
 */
public interface Probe {

    /**
     * Starts one check, on the monitor's loop thread: must not block. The future completes with the
     * verdict of this check; failures are results ({@link ProbeResult#failed}), not exceptions, though
     * an exception is turned into a failed result too. When the timeout passes first, the monitor
     * cancels the future: the probe must then release what it holds (close the socket, kill the process).
     */
    CompletableFuture<ProbeResult> start(int timeoutMs);
}
