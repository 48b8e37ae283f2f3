package io.ballast.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How the kernel identifies a virtual service: protocol, address and port, or a firewall mark.
 * The string form ("tcp/203.0.113.10:443", "fwm/7") is used in URLs, plans and events.
 */
public record ServiceKey(Protocol protocol, String address, int port, Integer firewallMark) {

    public static ServiceKey of(Protocol protocol, String address, int port) {
        return new ServiceKey(protocol, address, port, null);
    }

    public static ServiceKey ofMark(int mark) {
        return new ServiceKey(null, null, 0, mark);
    }

    public boolean isFirewallMark() {
        return firewallMark != null;
    }

    @JsonValue
    @Override
    public String toString() {
        if (isFirewallMark()) {
            return "fwm/" + Integer.toUnsignedString(firewallMark);
        }
        return protocol.name().toLowerCase(java.util.Locale.ROOT) + "/" + Addresses.endpoint(address, port);
    }

    /** Parses the string form; throws IllegalArgumentException with a sentence on a malformed key. */
    @JsonCreator
    public static ServiceKey parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("service key '" + text + "' must look like tcp/203.0.113.10:80 or fwm/7");
        }
        String kind = text.substring(0, slash);
        String rest = text.substring(slash + 1);
        if (kind.equals("fwm")) {
            try {
                return ofMark(Integer.parseUnsignedInt(rest));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("firewall mark in '" + text + "' is not a number from 1 to 4294967295");
            }
        }
        Protocol protocol;
        try {
            protocol = Protocol.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("protocol '" + kind + "' in '" + text + "' is not tcp, udp, sctp or fwm");
        }
        String[] hostPort = Addresses.splitEndpoint(rest);
        try {
            return of(protocol, hostPort[0], Integer.parseInt(hostPort[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port in '" + text + "' is not a number");
        }
    }
}
