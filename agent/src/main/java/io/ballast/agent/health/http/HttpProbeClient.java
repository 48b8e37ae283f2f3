package io.ballast.agent.health.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one HTTP client every http and https check shares (one TLS policy: accept any certificate).
 * Made on first use, so an agent without HTTP checks starts no HTTP threads.
 */
public final class HttpProbeClient implements AutoCloseable {

    /** JVM property that lets a java.net.http request set headers it otherwise refuses. */
    static final String RESTRICTED_HEADERS_PROPERTY = "jdk.httpclient.allowRestrictedHeaders";

    static {
        // Host (virtual host checks) and Connection (no idle pool of 10,000 keep-alive sockets) are
        // restricted by default. The JDK reads this once, when java.net.http is first used; if that
        // happened before, setting the Host header fails with a sentence that names the flag.
        allowRestrictedHeaders("host", "connection");
    }

    private ExecutorService executor;
    private HttpClient client;
    private int users;
    private boolean closed;

    /** Counts one more checker sharing the client; the client closes when the last one does. */
    synchronized HttpProbeClient retain() {
        users++;
        return this;
    }

    synchronized HttpClient client() {
        if (closed) {
            throw new IllegalStateException("the health monitor is closed");
        }
        if (client == null) {
            AtomicInteger count = new AtomicInteger();
            // Two threads finish responses for all checks; the client adds its own selector thread.
            executor = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread thread = new Thread(r, "ballast-health-http-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            ((ThreadPoolExecutor) executor).allowCoreThreadTimeOut(true);
            client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .proxy(HttpClient.Builder.NO_PROXY)
                    .sslContext(AcceptAnyCertificate.sslContext())
                    .connectTimeout(Duration.ofSeconds(30))
                    .executor(executor)
                    .build();
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (--users > 0) {
            return;
        }
        closed = true;
        if (executor != null) {
            executor.shutdownNow();
        }
        client = null;
    }

    private static void allowRestrictedHeaders(String... names) {
        Set<String> allowed = new LinkedHashSet<>();
        String current = System.getProperty(RESTRICTED_HEADERS_PROPERTY, "");
        for (String name : current.split(",")) {
            if (!name.isBlank()) {
                allowed.add(name.trim().toLowerCase(java.util.Locale.ROOT));
            }
        }
        allowed.addAll(Set.of(names));
        System.setProperty(RESTRICTED_HEADERS_PROPERTY, String.join(",", allowed));
    }
}
