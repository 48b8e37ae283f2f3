package io.ballast.agent.dataplane.scheduling;

import java.net.InetAddress;

/**
 * A real server as a scheduler sees it: the fields of the kernel's {@code struct ip_vs_dest} that
 * the scheduling algorithms read. Schedulers never change a destination.
 */
public interface Destination {

    InetAddress address();

    int port();

    /** Weight in effect now; 0 means quiesced (drain): no new connections. */
    int weight();

    /** The latest non-zero weight (the kernel's {@code last_weight}); mh keeps a quiesced server's slots with it. */
    int lastWeight();

    /** The kernel's IP_VS_DEST_F_OVERLOAD: set above the upper threshold, cleared below the lower one. */
    boolean overloaded();

    /** The kernel's IP_VS_DEST_F_AVAILABLE: false once the destination has left its service. */
    boolean available();

    int activeConnections();

    int inactiveConnections();

    /** The kernel's {@code ip_vs_dest_conn_overhead}: active connections weigh 256 times an inactive one. */
    default long overhead() {
        return ((long) activeConnections() << 8) + inactiveConnections();
    }
}
