package io.ballast.model.api;

/**
 * Traffic of one series in one time step.
 *
 * @param atMillis          start of the step
 * @param connections       new connections during the step
 * @param activeConnections active connections at the end of the step
 * @param bytesIn           bytes from clients during the step
 * @param bytesOut          bytes to clients during the step
 */
public record StatsPoint(long atMillis, long connections, long activeConnections, long bytesIn, long bytesOut) {
}
