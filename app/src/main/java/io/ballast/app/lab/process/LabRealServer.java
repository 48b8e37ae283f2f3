package io.ballast.app.lab.process;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A lab real server: answers every request with its identity, so a client sees which server a VIP
 * sent it to. The lab can add latency or errors to it through {@code /_lab/latency?ms=N} and
 * {@code /_lab/errors?percent=N}.
 */
public final class LabRealServer implements AutoCloseable {

    private final String id;
    private final HttpServer server;
    private final ExecutorService workers;
    private final AtomicInteger latencyMs = new AtomicInteger();
    private final AtomicInteger errorPercent = new AtomicInteger();
    private final AtomicLong served = new AtomicLong();

    public LabRealServer(String id, InetSocketAddress address) throws IOException {
        this.id = id;
        this.server = HttpServer.create(address, 256);
        this.workers = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "lab-real-server-" + id);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/_lab/", this::control);
        server.createContext("/", this::answer);
        server.start();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    public long served() {
        return served.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            int delay = latencyMs.get();
            if (delay > 0) {
                sleep(delay);
            }
            boolean fail = ThreadLocalRandom.current().nextInt(100) < errorPercent.get();
            served.incrementAndGet();
            exchange.getResponseHeaders().add("X-Served-By", id);
            reply(exchange, fail ? 503 : 200, fail ? id + " failing on purpose\n" : id + "\n");
        }
    }

    private void control(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String query = uri.getQuery() == null ? "" : uri.getQuery();
            int value = query.startsWith("ms=") || query.startsWith("percent=")
                    ? Integer.parseInt(query.substring(query.indexOf('=') + 1)) : -1;
            switch (uri.getPath()) {
                case "/_lab/latency" -> latencyMs.set(Math.max(0, value));
                case "/_lab/errors" -> errorPercent.set(Math.max(0, Math.min(100, value)));
                default -> {
                    reply(exchange, 404, "unknown lab control " + uri.getPath() + "\n");
                    return;
                }
            }
            reply(exchange, 200, id + ": latency " + latencyMs.get() + " ms, errors " + errorPercent.get() + " %\n");
        } catch (NumberFormatException e) {
            reply(exchange, 400, "expected ?ms=N or ?percent=N\n");
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    /** {@code LabRealServer ID ADDRESS PORT}: prints "ready ADDRESS:PORT" once it listens. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: LabRealServer ID ADDRESS PORT");
            System.exit(2);
        }
        ParentWatch.exitWhenParentDies();
        LabRealServer server = new LabRealServer(args[0], new InetSocketAddress(args[1], Integer.parseInt(args[2])));
        System.out.println("ready " + server.address().getHostString() + ":" + server.address().getPort());
        System.out.flush();
    }
}
