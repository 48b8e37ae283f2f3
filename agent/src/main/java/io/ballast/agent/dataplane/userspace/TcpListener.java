package io.ballast.agent.dataplane.userspace;

import io.ballast.agent.loop.EventLoop;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Accepts clients on a TCP virtual address and starts a {@link TcpSession} for each. */
final class TcpListener implements Listener, EventLoop.ReadyHandler {

    private static final Logger LOG = LoggerFactory.getLogger(TcpListener.class);
    // accept in bursts, but let established sessions have their turn between bursts
    private static final int ACCEPTS_PER_WAKEUP = 64;
    private static final int BACKLOG = 4096;

    private final EventLoop loop;
    private final ServiceRuntime service;
    private final ServerSocketChannel channel;
    private final int bufferBytes;
    private final long connectTimeoutMillis;
    private final Set<TcpSession> connecting = new HashSet<>();

    private TcpListener(EventLoop loop, ServiceRuntime service, ServerSocketChannel channel, int bufferBytes,
                        long connectTimeoutMillis) {
        this.loop = loop;
        this.service = service;
        this.channel = channel;
        this.bufferBytes = bufferBytes;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    static TcpListener open(EventLoop loop, ServiceRuntime service, int bufferBytes, long connectTimeoutMillis)
            throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(service.vip(), BACKLOG);
            channel.configureBlocking(false);
            TcpListener listener = new TcpListener(loop, service, channel, bufferBytes, connectTimeoutMillis);
            loop.register(channel, SelectionKey.OP_ACCEPT, listener);
            return listener;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void ready(SelectionKey key) {
        for (int i = 0; i < ACCEPTS_PER_WAKEUP; i++) {
            SocketChannel client;
            try {
                client = channel.accept();
            } catch (IOException e) {
                LOG.warn("userspace data plane: {}: accept failed: {}", service.spec().key(), e.getMessage());
                return;
            }
            if (client == null) {
                return;
            }
            admit(client);
        }
    }

    private void admit(SocketChannel client) {
        try {
            InetSocketAddress from = (InetSocketAddress) client.getRemoteAddress();
            Route route = service.choose(from);
            if (route == null) {
                // no real server and no sorry server: the client is refused at once
                client.close();
                return;
            }
            TcpSession.start(loop, client, route, bufferBytes, connecting, connectTimeoutMillis);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    @Override
    public void tick(long nowMillis) {
        for (TcpSession session : List.copyOf(connecting)) {
            session.connectTimedOut(nowMillis);
        }
    }

    /** Stops accepting; sessions still connecting are given up, established ones go on. */
    @Override
    public void close() {
        closeQuietly(channel);
        for (TcpSession session : List.copyOf(connecting)) {
            session.connectTimedOut(Long.MAX_VALUE);
        }
    }

    private static void closeQuietly(java.nio.channels.Channel c) {
        try {
            c.close();
        } catch (IOException e) {
            LOG.debug("close", e);
        }
    }
}
