package io.ballast.agent.health.tcp;

import io.ballast.agent.health.Probe;
import io.ballast.agent.health.ProbeResult;
import io.ballast.agent.loop.EventLoop;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;

/** Connects to one address and port; equal probes connect to the same place. */
record TcpProbe(EventLoop loop, InetSocketAddress address) implements Probe {

    @Override
    public CompletableFuture<ProbeResult> start(int timeoutMs) {
        Attempt attempt = new Attempt();
        attempt.connect(loop, address);
        return attempt;
    }

    /** One connection attempt: the future itself, so a cancel (timeout) closes the socket. */
    private static final class Attempt extends CompletableFuture<ProbeResult> implements EventLoop.ReadyHandler {
        private final long startedNanos = System.nanoTime();
        private SocketChannel channel;

        void connect(EventLoop loop, InetSocketAddress address) {
            try {
                // A socket of the address's own family: Java's default dual-stack socket would make
                // the kernel go through IPv4-mapped IPv6 for every IPv4 check.
                channel = SocketChannel.open(address.getAddress() instanceof Inet6Address
                        ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
                channel.configureBlocking(false);
                // Abortive close (RST) instead of FIN: the check sends no data, and a normal close
                // would leave one TIME_WAIT socket per check for 60 s - 600,000 for 10,000 servers
                // checked every second, past the kernel's TIME_WAIT limit, and ephemeral ports run
                // out towards any one destination checked more than ~470 times a second.
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
                // On a near server the handshake is often done by the time connect() returns: asking
                // at once saves registering with (and later leaving) the epoll set.
                if (channel.connect(address) || channel.finishConnect()) {
                    succeed();
                } else {
                    loop.register(channel, SelectionKey.OP_CONNECT, this);
                }
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
        }

        @Override
        public void ready(SelectionKey key) {
            try {
                if (channel.finishConnect()) {
                    succeed();
                }
            } catch (IOException e) {
                fail(e);
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            closeQuietly();
            return cancelled;
        }

        private void succeed() {
            closeQuietly();
            complete(ProbeResult.ok("connected in " + ProbeResult.millisSince(startedNanos) + " ms"));
        }

        private void fail(Exception e) {
            closeQuietly();
            complete(ProbeResult.failed(describe(e)));
        }

        private void closeQuietly() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // Closing a socket that failed to connect can fail too; nothing is left to release.
                }
            }
        }
    }

    static String describe(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof ConnectException && (message.isEmpty() || message.contains("refused"))) {
            return "connect refused";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (message.contains("reset")) {
            // The handshake completed and the server reset at once: it refuses service on this port.
            return "connection reset by the server right after connect";
        }
        if (message.contains("unreachable")) {
            return "network unreachable";
        }
        return "connect failed: " + (message.isEmpty() ? e.getClass().getSimpleName() : message);
    }
}
