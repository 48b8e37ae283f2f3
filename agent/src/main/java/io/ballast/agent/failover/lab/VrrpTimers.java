package io.ballast.agent.failover.lab;

/**
 * The timer arithmetic of VRRPv3 (RFC 5798 §6.1), in milliseconds.
 *
 * @param advertMs         interval between a master's adverts
 * @param downTimerAdverts how many missed adverts make the master "down" (3 in the RFC)
 */
record VrrpTimers(int advertMs, int downTimerAdverts) {

    /** Skew_Time: a higher priority waits less, so the best backup wins the race to take over. */
    long skewMs(int priority) {
        return (long) (256 - priority) * advertMs / 256;
    }

    /** Master_Down_Interval: how long a backup waits without adverts before it takes over. */
    long masterDownMs(int priority) {
        return (long) downTimerAdverts * advertMs + skewMs(priority);
    }
}
