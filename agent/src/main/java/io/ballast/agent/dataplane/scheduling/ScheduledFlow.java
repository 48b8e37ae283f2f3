package io.ballast.agent.dataplane.scheduling;

import java.net.InetAddress;

/**
 * The first packet of a new connection, as far as schedulers care: who sends it (sh, mh hash the
 * source) and where to (dh, lblc, lblcr key on the destination, i.e. the virtual address).
 */
public record ScheduledFlow(InetAddress clientAddress, int clientPort, InetAddress serviceAddress, int servicePort) {
}
