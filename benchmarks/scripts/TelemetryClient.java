import io.ballast.tls.PinnedTls;
import io.ballast.tls.PinnedTrust;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * The telemetry benchmark's client, in its own JVM so that its CPU is not counted: one SSE subscriber
 * reading /api/v1/stream to the end of every event, and a /metrics scrape every SCRAPE seconds, for
 * SECONDS seconds. Prints what it received.
 *
 * Usage: java -cp AGENT_CLASSPATH TelemetryClient.java PORT FINGERPRINT TOKEN SECONDS SCRAPE [LAST]
 * (LAST: also count the stats events of the run's last LAST seconds, the benchmark's measured window)
 */
public class TelemetryClient {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String fingerprint = args[1];
        String token = args[2];
        long seconds = Long.parseLong(args[3]);
        long scrapeSeconds = Long.parseLong(args[4]);
        long lastSeconds = args.length > 5 ? Long.parseLong(args[5]) : 0;
        long windowStart = System.nanoTime() + Duration.ofSeconds(seconds - lastSeconds).toNanos();
        AtomicLong windowEvents = new AtomicLong();
        HttpClient client = HttpClient.newBuilder().sslContext(pinned(fingerprint)).build();
        URI base = URI.create("https://127.0.0.1:" + port);

        AtomicLong statsEvents = new AtomicLong();
        AtomicLong streamBytes = new AtomicLong();
        HttpResponse<InputStream> stream = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (stream.statusCode() != 200) {
            throw new IllegalStateException("stream answered " + stream.statusCode());
        }
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8), 1 << 16)) {
                String line;
                while ((line = in.readLine()) != null) {
                    streamBytes.addAndGet(line.length() + 1);
                    if (line.equals("event: stats")) {
                        statsEvents.incrementAndGet();
                        if (System.nanoTime() >= windowStart) {
                            windowEvents.incrementAndGet();
                        }
                    }
                }
            } catch (Exception e) {
                // The run ended and the stream was cut.
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();

        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        int scrapes = 0;
        long metricsBytes = 0;
        long metricsNanos = 0;
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            HttpResponse<String> m = client.send(HttpRequest.newBuilder(base.resolve("/metrics"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (m.statusCode() != 200) {
                throw new IllegalStateException("/metrics answered " + m.statusCode());
            }
            metricsNanos += System.nanoTime() - t0;
            metricsBytes += m.body().length();
            scrapes++;
            Thread.sleep(Math.max(0, Math.min(scrapeSeconds * 1000, (end - System.nanoTime()) / 1_000_000)));
        }
        System.out.printf("sse stats events %d%s, %.1f MB read; /metrics scrapes %d, %.0f KB each, %.0f ms each%n",
                statsEvents.get(), lastSeconds > 0 ? String.format(" (%d in the last %d s: %.2f a second)",
                        windowEvents.get(), lastSeconds, windowEvents.get() / (double) lastSeconds) : "",
                streamBytes.get() / 1e6, scrapes, metricsBytes / 1e3 / Math.max(1, scrapes),
                metricsNanos / 1e6 / Math.max(1, scrapes));
        System.exit(0);
    }

    private static SSLContext pinned(String fingerprint) {
        return PinnedTls.context(new PinnedTrust(fingerprint, "the agent"));
    }
}
