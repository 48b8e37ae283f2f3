package io.ballast.agent.dataplane.userspace;

import io.ballast.agent.loop.EventLoop;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives datagrams on a UDP virtual address. Each client address and port is a flow with its own
 * socket towards the real server chosen for it; replies go back from the virtual address. A flow
 * idle for the timeout ends (IPVS's UDP timeout is 300 s).
 */
final class UdpListener implements Listener, EventLoop.ReadyHandler {

    private static final Logger LOG = LoggerFactory.getLogger(UdpListener.class);
    private static final int DATAGRAMS_PER_WAKEUP = 64;

    private final EventLoop loop;
    private final ServiceRuntime service;
    private final DatagramChannel channel;
    private final long idleTimeoutMillis;
    private final ByteBuffer buffer;
    private final Map<SocketAddress, UdpFlow> flows = new HashMap<>();
    private long dropped;

    private UdpListener(EventLoop loop, ServiceRuntime service, DatagramChannel channel, long idleTimeoutMillis,
                        ByteBuffer buffer) {
        this.loop = loop;
        this.service = service;
        this.channel = channel;
        this.idleTimeoutMillis = idleTimeoutMillis;
        this.buffer = buffer;
    }

    /** {@code buffer} is the loop's shared datagram buffer (one thread, so one buffer serves all). */
    static UdpListener open(EventLoop loop, ServiceRuntime service, long idleTimeoutMillis, ByteBuffer buffer)
            throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.bind(service.vip());
            channel.configureBlocking(false);
            UdpListener listener = new UdpListener(loop, service, channel, idleTimeoutMillis, buffer);
            loop.register(channel, SelectionKey.OP_READ, listener);
            return listener;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void ready(SelectionKey key) {
        for (int i = 0; i < DATAGRAMS_PER_WAKEUP; i++) {
            SocketAddress from;
            buffer.clear();
            try {
                from = channel.receive(buffer);
            } catch (IOException e) {
                LOG.debug("userspace data plane: {}: receive failed", service.spec().key(), e);
                return;
            }
            if (from == null) {
                return;
            }
            buffer.flip();
            UdpFlow flow = flows.get(from);
            if (flow == null) {
                flow = startFlow((InetSocketAddress) from);
                if (flow == null) {
                    dropped++;
                    continue;
                }
            }
            flow.toServer(buffer);
        }
    }

    private UdpFlow startFlow(InetSocketAddress client) {
        Route route = service.choose(client);
        if (route == null) {
            return null;
        }
        try {
            UdpFlow flow = UdpFlow.open(loop, this, client, route, buffer);
            flows.put(client, flow);
            return flow;
        } catch (IOException e) {
            route.backend().countConnectFailure();
            return null;
        }
    }

    /** A reply from a real server goes back to its client from the virtual address. */
    void toClient(InetSocketAddress client, ByteBuffer datagram) {
        try {
            if (channel.send(datagram, client) == 0) {
                dropped++;
            }
        } catch (IOException e) {
            dropped++;
        }
    }

    void flowEnded(UdpFlow flow) {
        flows.remove(flow.client(), flow);
    }

    long dropped() {
        return dropped;
    }

    int flowCount() {
        return flows.size();
    }

    @Override
    public void tick(long nowMillis) {
        List<UdpFlow> idle = new ArrayList<>();
        for (UdpFlow flow : flows.values()) {
            if (nowMillis - flow.lastActivityMillis() > idleTimeoutMillis) {
                idle.add(flow);
            }
        }
        idle.forEach(UdpFlow::abort);
    }

    /** Replies need this socket, so closing it ends every flow as well. */
    @Override
    public void close() {
        for (UdpFlow flow : List.copyOf(flows.values())) {
            flow.abort();
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("close", e);
        }
    }
}
