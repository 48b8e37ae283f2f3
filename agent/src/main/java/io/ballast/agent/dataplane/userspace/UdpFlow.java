package io.ballast.agent.dataplane.userspace;

import io.ballast.agent.loop.EventLoop;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;

/**
 * The datagrams of one client address and port, sent from a socket of their own (connected to the
 * chosen real server) so that replies can be told apart. Counted as an inactive connection, as
 * IPVS counts UDP. A real server that answers with ICMP port unreachable ends the flow.
 */
final class UdpFlow implements ForwardedConnection, EventLoop.ReadyHandler {

    private final UdpListener listener;
    private final InetSocketAddress client;
    private final Route route;
    private final DatagramChannel channel;
    private final ByteBuffer buffer;
    private long lastActivityMillis = System.currentTimeMillis();
    private boolean closed;

    private UdpFlow(UdpListener listener, InetSocketAddress client, Route route, DatagramChannel channel,
                    ByteBuffer buffer) {
        this.listener = listener;
        this.client = client;
        this.route = route;
        this.channel = channel;
        this.buffer = buffer;
    }

    static UdpFlow open(EventLoop loop, UdpListener listener, InetSocketAddress client, Route route, ByteBuffer buffer)
            throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.configureBlocking(false);
            channel.connect(route.backend().target());
            UdpFlow flow = new UdpFlow(listener, client, route, channel, buffer);
            route.bind(flow, false);
            loop.register(channel, SelectionKey.OP_READ, flow);
            return flow;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    InetSocketAddress client() {
        return client;
    }

    long lastActivityMillis() {
        return lastActivityMillis;
    }

    void toServer(ByteBuffer datagram) {
        int bytes = datagram.remaining();
        try {
            channel.write(datagram);
            route.countIn(bytes);
            lastActivityMillis = System.currentTimeMillis();
        } catch (IOException e) {
            abort();
        }
    }

    @Override
    public void ready(SelectionKey key) {
        try {
            for (int i = 0; i < 64; i++) {
                buffer.clear();
                int n = channel.read(buffer);
                if (n <= 0) {
                    return;
                }
                buffer.flip();
                route.countOut(n);
                lastActivityMillis = System.currentTimeMillis();
                listener.toClient(client, buffer);
            }
        } catch (IOException e) {
            // PortUnreachableException and friends: the real server is not listening
            abort();
        }
    }

    @Override
    public void abort() {
        if (closed) {
            return;
        }
        closed = true;
        route.unbind();
        listener.flowEnded(this);
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
