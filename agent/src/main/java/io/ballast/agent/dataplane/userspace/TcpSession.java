package io.ballast.agent.dataplane.userspace;

import io.ballast.agent.loop.EventLoop;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Set;

/**
 * One client connection spliced to one real server. Each direction has its own buffer; a side is
 * read only while the buffer towards the other side has room (backpressure), and written when that
 * buffer has bytes. An end of stream is passed on as a half-close (shutdownOutput) once everything
 * before it was written; the session ends when both directions have ended, or at the first error.
 */
final class TcpSession implements ForwardedConnection {

    private final Route route;
    private final SocketChannel client;
    private final SocketChannel server;
    private final Direction up;
    private final Direction down;
    private SelectionKey clientKey;
    private SelectionKey serverKey;
    private final Set<TcpSession> connecting;
    private final long connectDeadlineMillis;
    private boolean connected;
    private boolean closed;

    /** Bytes flowing from one side to the other. */
    private final class Direction {
        final ByteBuffer buffer;
        final boolean fromClient;
        boolean endOfStream;
        boolean shutdownSent;

        Direction(int bytes, boolean fromClient) {
            this.buffer = ByteBuffer.allocateDirect(bytes);
            this.fromClient = fromClient;
        }

        boolean hasPending() {
            return buffer.position() > 0;
        }

        boolean wantsRead() {
            return !endOfStream && buffer.hasRemaining();
        }

        void read(SocketChannel source, SocketChannel sink) throws IOException {
            int n = source.read(buffer);
            if (n > 0) {
                if (fromClient) {
                    route.countIn(n);
                } else {
                    route.countOut(n);
                }
            } else if (n < 0) {
                endOfStream = true;
                route.deactivate();
            }
            write(sink);
        }

        void write(SocketChannel sink) throws IOException {
            if (hasPending()) {
                buffer.flip();
                sink.write(buffer);
                buffer.compact();
            }
            if (endOfStream && !hasPending() && !shutdownSent) {
                shutdownSent = true;
                sink.shutdownOutput();
            }
        }
    }

    /** The selector's view of one of the two sockets. */
    private final class Side implements EventLoop.ReadyHandler {
        final boolean isClient;

        Side(boolean isClient) {
            this.isClient = isClient;
        }

        @Override
        public void ready(SelectionKey key) {
            try {
                if (!isClient && key.isConnectable()) {
                    finishConnect();
                    return;
                }
                if (key.isWritable()) {
                    (isClient ? down : up).write(isClient ? client : server);
                }
                if (key.isValid() && key.isReadable()) {
                    if (isClient) {
                        up.read(client, server);
                    } else {
                        down.read(server, client);
                    }
                }
                afterIo();
            } catch (IOException e) {
                abort();
            }
        }
    }

    private TcpSession(SocketChannel client, SocketChannel server, Route route, int bufferBytes,
                       Set<TcpSession> connecting, long connectTimeoutMillis) {
        this.client = client;
        this.server = server;
        this.route = route;
        this.connecting = connecting;
        this.connectDeadlineMillis = System.currentTimeMillis() + connectTimeoutMillis;
        this.up = new Direction(bufferBytes, true);
        this.down = new Direction(bufferBytes, false);
    }

    /**
     * Connects to the route's backend without waiting; the client is read once the backend accepted.
     * Until then the session sits in {@code connecting}, where {@link #connectTimedOut} finds it.
     */
    static void start(EventLoop loop, SocketChannel client, Route route, int bufferBytes,
                      Set<TcpSession> connecting, long connectTimeoutMillis) throws IOException {
        SocketChannel server = SocketChannel.open();
        TcpSession session = new TcpSession(client, server, route, bufferBytes, connecting, connectTimeoutMillis);
        route.bind(session, false);
        connecting.add(session);
        try {
            client.configureBlocking(false);
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            server.configureBlocking(false);
            server.setOption(StandardSocketOptions.TCP_NODELAY, true);
            session.clientKey = loop.register(client, 0, session.new Side(true));
            boolean immediate;
            try {
                immediate = server.connect(route.backend().target());
            } catch (IOException e) {
                session.connectFailed();
                return;
            }
            session.serverKey = loop.register(server, SelectionKey.OP_CONNECT, session.new Side(false));
            if (immediate) {
                session.connected();
            }
        } catch (IOException | RuntimeException e) {
            session.abort();
            throw e;
        }
    }

    private void finishConnect() throws IOException {
        try {
            if (!server.finishConnect()) {
                return;
            }
        } catch (IOException e) {
            connectFailed();
            return;
        }
        connected();
    }

    /** A real server that does not answer within the connect timeout counts as a connect failure. */
    boolean connectTimedOut(long nowMillis) {
        if (!connected && !closed && nowMillis > connectDeadlineMillis) {
            connectFailed();
            return true;
        }
        return false;
    }

    private void connected() {
        connecting.remove(this);
        connected = true;
        route.activate();
        afterIo();
    }

    // the real server refused or is unreachable: counted on it, and the client is closed
    private void connectFailed() {
        route.backend().countConnectFailure();
        abort();
    }

    private void afterIo() {
        if (closed) {
            return;
        }
        if (up.shutdownSent && down.shutdownSent) {
            close();
            return;
        }
        if (!connected) {
            return;
        }
        clientKey.interestOps((up.wantsRead() ? SelectionKey.OP_READ : 0) | (down.hasPending() ? SelectionKey.OP_WRITE : 0));
        serverKey.interestOps((down.wantsRead() ? SelectionKey.OP_READ : 0) | (up.hasPending() ? SelectionKey.OP_WRITE : 0));
    }

    @Override
    public void abort() {
        if (closed) {
            return;
        }
        // an abortive close (RST) tells the peer at once that the connection is gone
        try {
            client.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException | RuntimeException ignored) {
            // already closed
        }
        close();
    }

    private void close() {
        if (closed) {
            return;
        }
        closed = true;
        connecting.remove(this);
        route.unbind();
        closeQuietly(client);
        closeQuietly(server);
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to do for a socket that cannot even close
        }
    }
}
