package io.ballast.agent.dataplane.scheduling;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Flows from documentation-range clients to a documentation-range VIP. */
final class Flows {

    static final String VIP = "203.0.113.10";

    private Flows() {
    }

    static ScheduledFlow from(String client, int clientPort) {
        return to(client, clientPort, VIP);
    }

    static ScheduledFlow to(String client, int clientPort, String vip) {
        try {
            return new ScheduledFlow(InetAddress.getByName(client), clientPort, InetAddress.getByName(vip), 80);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The i-th of many distinct client addresses: only hash input, no packet is ever sent to them. */
    static ScheduledFlow client(int i) {
        return from("10." + ((i >> 16) & 0xFF) + "." + ((i >> 8) & 0xFF) + "." + (i & 0xFF), 40000);
    }

    static ScheduledFlow any() {
        return from("192.0.2.1", 40000);
    }
}
