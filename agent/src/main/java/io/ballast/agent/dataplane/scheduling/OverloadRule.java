package io.ballast.agent.dataplane.scheduling;

/**
 * When IPVS sets and clears a destination's overloaded flag (ip_vs_conn.c bind/unbind_dest,
 * ip_vs_ctl.c update_dest), counting active plus inactive connections.
 */
public final class OverloadRule {

    private OverloadRule() {
    }

    /** After a connection was bound: overloaded once the total reaches the upper threshold. */
    public static boolean afterBind(boolean overloaded, long totalConnections, int upperThreshold) {
        return overloaded || (upperThreshold != 0 && totalConnections >= upperThreshold);
    }

    /**
     * After a connection ended: cleared below the lower threshold; without one, below 3/4 of the
     * upper threshold; with neither, at once.
     */
    public static boolean afterUnbind(boolean overloaded, long totalConnections, int upperThreshold, int lowerThreshold) {
        if (!overloaded) {
            return false;
        }
        if (lowerThreshold != 0) {
            return totalConnections >= lowerThreshold;
        }
        if (upperThreshold != 0) {
            return totalConnections * 4 >= upperThreshold * 3L;
        }
        return false;
    }

    /** After an edit of the destination: a raised or removed upper threshold clears the flag. */
    public static boolean afterEdit(boolean overloaded, int oldUpper, int newUpper) {
        return overloaded && !(newUpper == 0 || newUpper > oldUpper);
    }
}
