package io.ballast.agent.dataplane.nftables.conntrack;

import io.ballast.model.Addresses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * conntrackd settings for stateful failover between two directors: FTFW mode (reliable, with
 * acknowledgements) over unicast UDP on the directors' sync link, the peer's connections injected into
 * this director's kernel table as they arrive (no external cache), so a takeover has nothing to commit.
 *
 * @param localAddress  this director's address on the sync link
 * @param peerAddress   the other director's address there
 * @param iface         interface of the sync link
 * @param port          UDP port both sides use
 * @param runDir        where the lock file, control socket and log of this instance live
 * @param ignoreAddresses addresses whose connections are not synchronised (the directors' own)
 */
public record ConntrackdConfig(String localAddress, String peerAddress, String iface, int port, Path runDir,
                               List<String> ignoreAddresses) {

    public static final int DEFAULT_PORT = 3780;

    public ConntrackdConfig {
        ignoreAddresses = ignoreAddresses == null ? List.of() : List.copyOf(ignoreAddresses);
        List<String> problems = new ArrayList<>();
        if (!Addresses.isLiteral(localAddress)) {
            problems.add("the local sync address '" + localAddress + "' is not an IP address");
        }
        if (!Addresses.isLiteral(peerAddress)) {
            problems.add("the peer sync address '" + peerAddress + "' is not an IP address");
        }
        if (Addresses.isLiteral(localAddress) && Addresses.isLiteral(peerAddress)
                && Addresses.isIpv6(localAddress) != Addresses.isIpv6(peerAddress)) {
            problems.add("the local and peer sync addresses must be of one family");
        }
        if (iface == null || !iface.matches("[A-Za-z0-9_.@-]{1,15}")) {
            problems.add("the sync interface '" + iface + "' is not an interface name");
        }
        if (port < 1 || port > 65535) {
            problems.add("the sync port " + port + " is not between 1 and 65535");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Connection sync cannot start: " + String.join("; ", problems) + ".");
        }
    }

    public Path configFile() {
        return runDir.resolve("conntrackd.conf");
    }

    public Path controlSocket() {
        return runDir.resolve("conntrackd.ctl");
    }

    /** The conntrackd.conf text. */
    public String render() {
        boolean v6 = Addresses.isIpv6(localAddress);
        String family = v6 ? "IPv6" : "IPv4";
        StringBuilder out = new StringBuilder();
        out.append("# Written by the Ballast agent; edits are overwritten.\n");
        out.append("Sync {\n");
        out.append("\tMode FTFW {\n");
        // The peer's connections go straight into this director's kernel table, not into a cache that
        // would be committed only after keepalived has moved the VIPs: packets that reach a new master
        // in the moment after the switch find their connection already there.
        out.append("\t\tDisableExternalCache On\n");
        out.append("\t\tPurgeTimeout 5\n");
        out.append("\t}\n");
        out.append("\tUDP {\n");
        out.append("\t\t").append(family).append("_address ").append(localAddress).append('\n');
        out.append("\t\t").append(family).append("_Destination_Address ").append(peerAddress).append('\n');
        out.append("\t\tPort ").append(port).append('\n');
        out.append("\t\tInterface ").append(iface).append('\n');
        out.append("\t\tSndSocketBuffer 1249280\n");
        out.append("\t\tRcvSocketBuffer 1249280\n");
        out.append("\t\tChecksum on\n");
        out.append("\t}\n");
        out.append("}\n");
        out.append("General {\n");
        out.append("\tHashSize 32768\n");
        out.append("\tHashLimit 131072\n");
        out.append("\tLogFile ").append(runDir.resolve("conntrackd.log")).append('\n');
        out.append("\tSyslog off\n");
        out.append("\tLockFile ").append(runDir.resolve("conntrackd.lock")).append('\n');
        out.append("\tUNIX {\n");
        out.append("\t\tPath ").append(controlSocket()).append('\n');
        out.append("\t}\n");
        out.append("\tNetlinkBufferSize 2097152\n");
        out.append("\tNetlinkBufferSizeMaxGrowth 8388608\n");
        out.append("\tFilter From Userspace {\n");
        out.append("\t\tProtocol Accept {\n\t\t\tTCP\n\t\t\tUDP\n\t\t}\n");
        out.append("\t\tAddress Ignore {\n");
        out.append("\t\t\tIPv4_address 127.0.0.1\n");
        out.append("\t\t\tIPv6_address ::1\n");
        List<String> ignored = new ArrayList<>(ignoreAddresses);
        ignored.add(0, localAddress);
        ignored.add(1, peerAddress);
        for (String address : ignored.stream().distinct().toList()) {
            out.append("\t\t\t").append(Addresses.isIpv6(address) ? "IPv6" : "IPv4").append("_address ")
                    .append(address).append('\n');
        }
        out.append("\t\t}\n");
        out.append("\t}\n");
        out.append("}\n");
        return out.toString();
    }
}
