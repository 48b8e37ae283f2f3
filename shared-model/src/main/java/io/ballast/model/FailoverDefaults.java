package io.ballast.model;

import java.util.List;

/**
 * The failover settings a new HA_PAIR or STREAMLINE spec starts with. The reasons and the
 * measurements behind them are in docs/failover.md and docs/benchmarks/failover.md.
 */
public final class FailoverDefaults {

    /**
     * VRRPv3 advert interval: the backup declares the master lost after 3 × 50 ms plus a skew of
     * (256 − priority) / 256 × 50 ms, about 180 ms at priority 100 — a client outage under 0.2 s.
     */
    public static final int ADVERT_INTERVAL_MS = 50;

    /** A restored master takes the VIPs back — once its agent says it is ready, not after a fixed delay. */
    public static final boolean PREEMPT = true;

    public static final int PREEMPT_DELAY_SECONDS = 0;

    private FailoverDefaults() {
    }

    /** Default settings for virtual router {@code vrid}: no connection sync, no gateway VIPs. */
    public static FailoverSettings settings(int vrid) {
        return new FailoverSettings(vrid, ADVERT_INTERVAL_MS, PREEMPT, PREEMPT_DELAY_SECONDS, List.of(), false, List.of());
    }
}
