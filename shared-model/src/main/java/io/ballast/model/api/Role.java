package io.ballast.model.api;

/** A director's VRRP role as its failover engine reports it. */
public enum Role {
    /** Starting up; holds no VIP yet. */
    INIT,
    /** Holds the VIPs and balances. */
    MASTER,
    /** Ready to take over; holds no VIP (in streamline: serves as a real server). */
    BACKUP,
    /** Cannot serve (interface down, failed checks); holds no VIP. */
    FAULT
}
