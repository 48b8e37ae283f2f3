package io.ballast.model;

/** What the operator wants for one real server, independent of its health. */
public enum AdminState {
    /** In the table with its configured weight. */
    ACTIVE,
    /** Weight 0: no new connections; established ones finish. */
    DRAIN,
    /** Out of the table: whatever is still open to it is dropped, unless it was drained first. */
    MAINTENANCE
}
