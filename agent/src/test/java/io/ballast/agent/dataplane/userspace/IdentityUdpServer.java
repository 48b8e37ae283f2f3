package io.ballast.agent.dataplane.userspace;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** A UDP real server for tests: answers each datagram with "name:payload". */
final class IdentityUdpServer implements AutoCloseable {

    final String name;
    final DatagramSocket socket;
    final AtomicInteger received = new AtomicInteger();
    private final Thread thread;

    private IdentityUdpServer(String name, DatagramSocket socket) {
        this.name = name;
        this.socket = socket;
        this.thread = new Thread(this::run, "identity-udp-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    static IdentityUdpServer start(String name, String address) throws SocketException {
        return new IdentityUdpServer(name, new DatagramSocket(new InetSocketAddress(address, 0)));
    }

    int port() {
        return socket.getLocalPort();
    }

    private void run() {
        byte[] buf = new byte[65_536];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(packet);
                received.incrementAndGet();
                byte[] reply = (name + ":" + new String(buf, 0, packet.getLength(), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8);
                socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
