package io.ballast.agent.dataplane.userspace;

/** The socket a service accepts clients on (TCP) or receives datagrams on (UDP). */
interface Listener {

    /** Stops accepting; releases the address. What already flows is the listener's own business. */
    void close();

    /** Periodic housekeeping (UDP: idle flows). */
    default void tick(long nowMillis) {
    }
}
