package io.ballast.agent.dataplane.userspace;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real server for tests: greets every connection with its name and a newline, echoes what it
 * receives, and closes when the client has finished sending. One selector thread, so thousands of
 * held-open connections cost no threads.
 */
final class IdentityTcpServer implements AutoCloseable {

    final String name;
    final InetSocketAddress address;
    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicLong bytesReceived = new AtomicLong();
    private final ServerSocketChannel channel;
    private final Selector selector;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean paused;

    private IdentityTcpServer(String name, ServerSocketChannel channel) throws IOException {
        this.name = name;
        this.channel = channel;
        this.address = (InetSocketAddress) channel.getLocalAddress();
        this.selector = Selector.open();
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_ACCEPT);
        this.thread = new Thread(this::run, "identity-tcp-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    static IdentityTcpServer start(String name, String address) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        channel.bind(new InetSocketAddress(address, 0), 4096);
        return new IdentityTcpServer(name, channel);
    }

    /** Stops reading from clients (their data piles up), to exercise backpressure. */
    void pauseReading(boolean pause) {
        paused = pause;
        selector.wakeup();
    }

    int port() {
        return address.getPort();
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocate(16_384);
        List<SelectionKey> all = new ArrayList<>();
        while (running) {
            try {
                selector.select(100);
                for (SelectionKey k : selector.keys()) {
                    if (k.isValid() && k.channel() instanceof SocketChannel) {
                        k.interestOps(paused ? 0 : SelectionKey.OP_READ);
                    }
                }
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        SocketChannel c = channel.accept();
                        if (c == null) {
                            continue;
                        }
                        c.configureBlocking(false);
                        accepted.incrementAndGet();
                        open.incrementAndGet();
                        writeFully(c, ByteBuffer.wrap((name + "\n").getBytes(StandardCharsets.US_ASCII)));
                        all.add(c.register(selector, paused ? 0 : SelectionKey.OP_READ));
                    } else if (key.isReadable()) {
                        SocketChannel c = (SocketChannel) key.channel();
                        buffer.clear();
                        int n;
                        try {
                            n = c.read(buffer);
                        } catch (IOException e) {
                            n = -1;
                        }
                        if (n < 0) {
                            key.cancel();
                            c.close();
                            open.decrementAndGet();
                        } else if (n > 0) {
                            bytesReceived.addAndGet(n);
                            buffer.flip();
                            writeFully(c, buffer);
                        }
                    }
                }
            } catch (IOException e) {
                // a broken client connection; the others go on
            }
        }
    }

    // the echo is small in these tests; spin until the socket took it
    private static void writeFully(SocketChannel c, ByteBuffer b) throws IOException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (b.hasRemaining() && System.nanoTime() < deadline) {
            c.write(b);
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey k : selector.keys()) {
            k.channel().close();
        }
        selector.close();
        channel.close();
    }
}
