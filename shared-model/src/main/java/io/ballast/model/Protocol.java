package io.ballast.model;

/** Transport protocol of a virtual service addressed by address and port. */
public enum Protocol {
    TCP, UDP, SCTP
}
