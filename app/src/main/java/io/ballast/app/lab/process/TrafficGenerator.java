package io.ballast.app.lab.process;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Sends HTTP requests to a VIP at a rate that can be changed while it runs, each on a new connection
 * so that the balancer chooses a real server for every request. Reports once a second, and keeps the
 * longest time without a successful answer: the outage a client saw.
 */
public final class TrafficGenerator implements AutoCloseable {

    private static final int TIMEOUT_MS = 1_000;

    private final URI target;
    private final Consumer<TrafficSecond> report;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(daemon("traffic-clock"));
    private final ThreadPoolExecutor senders = new ThreadPoolExecutor(16, 16, 1, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(64), daemon("traffic-sender"));

    private volatile int ratePerSecond;
    private long credit;
    private int ok;
    private int failed;
    private Map<String, Integer> byServer = new HashMap<>();
    private long lastSuccessAt;
    private long longestGapMs;

    public TrafficGenerator(URI target, int ratePerSecond, Consumer<TrafficSecond> report) {
        this.target = target;
        this.ratePerSecond = ratePerSecond;
        this.report = report;
    }

    public void start() {
        lastSuccessAt = System.currentTimeMillis();
        clock.scheduleAtFixedRate(this::tick, 10, 10, TimeUnit.MILLISECONDS);
        clock.scheduleAtFixedRate(this::reportSecond, 1, 1, TimeUnit.SECONDS);
    }

    public void setRate(int perSecond) {
        ratePerSecond = Math.max(0, Math.min(perSecond, 2_000));
    }

    public int rate() {
        return ratePerSecond;
    }

    // Every 10 ms: send as many requests as the rate has earned since the last tick.
    private void tick() {
        credit += ratePerSecond;
        while (credit >= 100) {
            credit -= 100;
            try {
                senders.execute(this::sendOne);
            } catch (RejectedExecutionException e) {
                recordFailure();
            }
        }
    }

    private void sendOne() {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) target.toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MS);
            connection.setReadTimeout(TIMEOUT_MS);
            connection.setUseCaches(false);
            int status = connection.getResponseCode();
            String server = connection.getHeaderField("X-Served-By");
            try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8).strip();
                if (server == null) {
                    server = text;
                }
            }
            if (status >= 200 && status < 300) {
                recordSuccess(server);
            } else {
                recordFailure();
            }
        } catch (IOException e) {
            recordFailure();
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private synchronized void recordSuccess(String server) {
        long now = System.currentTimeMillis();
        longestGapMs = Math.max(longestGapMs, now - lastSuccessAt);
        lastSuccessAt = now;
        ok++;
        byServer.merge(server, 1, Integer::sum);
    }

    private synchronized void recordFailure() {
        failed++;
    }

    private void reportSecond() {
        TrafficSecond second;
        synchronized (this) {
            long now = System.currentTimeMillis();
            long openGap = now - lastSuccessAt;
            second = new TrafficSecond(now, ok, failed, Map.copyOf(byServer), Math.max(longestGapMs, openGap));
            ok = 0;
            failed = 0;
            byServer = new HashMap<>();
        }
        report.accept(second);
    }

    @Override
    public void close() {
        clock.shutdownNow();
        senders.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
