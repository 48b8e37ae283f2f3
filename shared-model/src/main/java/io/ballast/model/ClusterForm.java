package io.ballast.model;

/** The three shapes of cluster Ballast runs; see docs/ARCHITECTURE.md for what each does on failure. */
public enum ClusterForm {
    /** One director in front of N real servers: a single point of failure, and said so. */
    SINGLE,
    /** Master and standby directors; real servers are separate machines. */
    HA_PAIR,
    /** Two or more Linux real servers that are also the directors. */
    STREAMLINE
}
