package io.ballast.app.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where each lab process listens. Ports are chosen free at start, so two labs on one machine do not
 * collide. On Linux every node gets an address of its own from 127.0.0.0/8 (the whole range is
 * loopback there); elsewhere all share 127.0.0.1 and differ by port only.
 *
 * @param vip         the virtual service's address and port
 * @param directors   one per director
 * @param realServers one per real server that is not a director
 */
public record LabLayout(InetSocketAddress vip, List<DirectorSlot> directors, List<ServerSlot> realServers) {

    /**
     * A director: its address in the spec, its agent's API, the lab failover engine's advert port (0 when
     * keepalived adverts), (streamline) its own real server's port, and the interface that holds the VIPs.
     */
    public record DirectorSlot(String id, String address, int apiPort, int advertPort, int servicePort,
                               String apiAddress, String iface) {
    }

    /** A real server: its identity, where the VIP sends clients, and where the lab's controls reach it. */
    public record ServerSlot(String id, String address, int port, String controlAddress) {
    }

    /** The loopback lab's layout (no root, any OS). */
    public static LabLayout plan(LabForm form, int realServers) {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        // A random third octet keeps two labs on one Linux machine on distinct addresses as well as ports.
        int net = 100 + (int) (ProcessHandle.current().pid() % 100);
        String vipAddress = linux ? "127.0." + net + ".10" : "127.0.0.1";
        InetSocketAddress vip = new InetSocketAddress(vipAddress, freeTcpPort(vipAddress));
        List<DirectorSlot> directors = new ArrayList<>();
        for (int i = 0; i < form.directors(); i++) {
            String address = linux ? "127.0." + net + "." + (11 + i) : "127.0.0.1";
            String id = directorId(form, i);
            int servicePort = form == LabForm.STREAMLINE ? freeTcpPort(address) : 0;
            directors.add(new DirectorSlot(id, address, freeTcpPort(address), freeUdpPort(address), servicePort,
                    address, "lo"));
        }
        List<ServerSlot> servers = new ArrayList<>();
        if (form != LabForm.STREAMLINE) {
            for (int i = 0; i < realServers; i++) {
                String address = linux ? "127.0." + net + "." + (21 + i) : "127.0.0.1";
                servers.add(new ServerSlot(realServerId(i), address, freeTcpPort(address), address));
            }
        }
        return new LabLayout(vip, List.copyOf(directors), List.copyOf(servers));
    }

    /** lb-a, lb-b… or, in streamline, node-a, node-b… */
    public static String directorId(LabForm form, int index) {
        return (form == LabForm.STREAMLINE ? "node-" : "lb-") + (char) ('a' + index);
    }

    /** The {@code index}th real server's id (0-based): web-1, web-2… */
    public static String realServerId(int index) {
        return "web-" + (index + 1);
    }

    private static int freeTcpPort(String address) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port on " + address, e);
        }
    }

    private static int freeUdpPort(String address) {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free UDP port on " + address, e);
        }
    }
}
