package io.ballast.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a director hands a packet to a real server (ipvsadm -m, -g, -i). */
public enum ForwardingMethod {
    /** LVS-NAT: destination rewritten; replies must route back through the director. */
    NAT("nat"),
    /** LVS-DR (direct routing): MAC rewrite; the real server holds the VIP and answers the client itself. */
    DR("dr"),
    /** LVS-TUN: IP-in-IP tunnel to the real server. */
    TUN("tun");

    private final String wireName;

    ForwardingMethod(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
