package io.ballast.agent.health;

import io.ballast.model.HealthCheck;
import java.net.InetAddress;

/**
 * What a checker needs to prepare a probe: where to check and the check as the spec wrote it.
 *
 * @param service    service key text ("tcp/203.0.113.10:80")
 * @param realServer real server key text ("198.51.100.21:80")
 * @param address    the real server's address (a literal; never looked up in DNS)
 * @param port       the port to check: the check's own port, else the real server's port
 * @param check      the health check of the service
 */
public record ProbeTarget(String service, String realServer, InetAddress address, int port, HealthCheck check) {

    /** The address as text, without brackets ("2001:db8::1", "198.51.100.21"). */
    public String addressText() {
        return io.ballast.model.Addresses.canonical(address.getHostAddress());
    }
}
