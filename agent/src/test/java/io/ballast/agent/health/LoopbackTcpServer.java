package io.ballast.agent.health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;

/** A TCP listener on 127.0.0.1 that accepts and closes; it can stop and start again on its port. */
final class LoopbackTcpServer implements AutoCloseable {

    private final AtomicInteger accepted = new AtomicInteger();
    private final int port;
    private ServerSocketChannel channel;
    private Thread acceptor;

    private LoopbackTcpServer(int port) {
        this.port = port;
    }

    static LoopbackTcpServer start() throws IOException {
        LoopbackTcpServer server = new LoopbackTcpServer(0);
        return server.open(0);
    }

    /** A port that was free a moment ago and has no listener now: connects to it are refused. */
    static int closedPort() throws IOException {
        try (ServerSocketChannel probe = ServerSocketChannel.open()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            return ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
    }

    private LoopbackTcpServer open(int wanted) throws IOException {
        ServerSocketChannel opened = ServerSocketChannel.open();
        opened.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        opened.bind(new InetSocketAddress("127.0.0.1", wanted));
        LoopbackTcpServer server = wanted == 0
                ? new LoopbackTcpServer(((InetSocketAddress) opened.getLocalAddress()).getPort()) : this;
        server.channel = opened;
        server.acceptor = new Thread(server::acceptLoop, "test-tcp-server-" + server.port);
        server.acceptor.setDaemon(true);
        server.acceptor.start();
        return server;
    }

    private void acceptLoop() {
        ServerSocketChannel listening = channel;
        while (listening.isOpen()) {
            try {
                SocketChannel client = listening.accept();
                accepted.incrementAndGet();
                client.close();
            } catch (IOException e) {
                return;
            }
        }
    }

    int port() {
        return port;
    }

    int accepted() {
        return accepted.get();
    }

    synchronized void stop() throws IOException {
        channel.close();
        try {
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized void restart() throws IOException {
        open(port);
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
