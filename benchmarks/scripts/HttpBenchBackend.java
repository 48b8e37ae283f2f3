import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The small HTTP real server of the userspace-plane benchmark: answers every request with a fixed
 * 13-byte body. Run with the JDK's source launcher: java HttpBenchBackend.java 127.0.0.21 18081
 */
public class HttpBenchBackend {
    public static void main(String[] args) throws Exception {
        byte[] body = "hello, world\n".getBytes(StandardCharsets.US_ASCII);
        HttpServer server = HttpServer.create(new InetSocketAddress(args[0], Integer.parseInt(args[1])), 1024);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        System.out.println("backend listening on " + args[0] + ":" + args[1]);
    }
}
