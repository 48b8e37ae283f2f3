import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real servers of the health-check benchmark, in their own process so their CPU is not counted
 * against the checker: listeners on ADDRESSES x PORTS loopback endpoints (127.77.a.b, Linux routes
 * all of 127/8 to lo), every 100th endpoint left unbound so its checks are refused.
 * One selector thread accepts and closes. Prints "ready N" once every listener is bound.
 *
 * Usage: java HealthCheckServers.java ADDRESSES PORTS FIRST_PORT
 */
public class HealthCheckServers {

    public static void main(String[] args) throws IOException {
        int addresses = Integer.parseInt(args[0]);
        int ports = Integer.parseInt(args[1]);
        int firstPort = Integer.parseInt(args[2]);
        Selector selector = Selector.open();
        int bound = 0;
        for (int a = 0; a < addresses; a++) {
            for (int p = 0; p < ports; p++) {
                if (isClosed(a * ports + p)) {
                    continue;
                }
                ServerSocketChannel listener = ServerSocketChannel.open();
                listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                listener.bind(new InetSocketAddress(address(a), firstPort + p), 128);
                listener.configureBlocking(false);
                listener.register(selector, SelectionKey.OP_ACCEPT);
                bound++;
            }
        }
        System.out.println("ready " + bound);
        System.out.flush();
        AtomicLong accepted = new AtomicLong();
        while (true) {
            selector.select(key -> {
                try {
                    SocketChannel client;
                    while ((client = ((ServerSocketChannel) key.channel()).accept()) != null) {
                        // A normal close (FIN), as most servers do; the checker resets its side.
                        client.close();
                        accepted.incrementAndGet();
                    }
                } catch (IOException e) {
                    // A client that reset before accept: nothing to do.
                }
            });
        }
    }

    /** Same rule as the load driver: endpoint i is refused when i % 100 == 99 (1 %). */
    static boolean isClosed(int index) {
        return index % 100 == 99;
    }

    static String address(int a) {
        return "127.77." + (a / 250) + "." + (a % 250 + 1);
    }
}
