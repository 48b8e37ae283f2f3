package io.ballast.app.bench;

import com.sun.javafx.perf.PerformanceTracker;
import io.ballast.app.concurrent.Coalescer;
import io.ballast.app.concurrent.FxTaskExecutor;
import io.ballast.app.connection.AgentJson;
import io.ballast.app.connection.ConnectionState;
import io.ballast.app.main.ClusterPane;
import io.ballast.app.main.LiveCluster;
import io.ballast.app.main.MainWindow;
import io.ballast.app.main.ThemeManager;
import io.ballast.app.testsupport.Simulator;
import io.ballast.app.testsupport.Specs;
import io.ballast.model.ClusterSpec;
import io.ballast.model.api.CounterSnapshot;
import io.ballast.model.api.Role;
import io.ballast.model.json.SpecCodec;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Desktop benchmark (not a test): the main window with {@code services} x {@code perService} real
 * servers, every figure changing every second, fed exactly as the agent connection feeds it
 * (counters serialised to JSON and parsed on a background thread, applied on the FX thread).
 * Prints start-to-first-frame, rendered frames per second (idle, then live), FX-thread cost of one
 * update, and used heap after GC. Run by benchmarks/scripts/desktop.sh.
 */
public final class DesktopBenchmark {

    private static final AtomicLong FRAMES = new AtomicLong();
    private static final AtomicLong PULSES = new AtomicLong();
    private static volatile double LAST_PULSE_RATE;
    private static volatile long CPU_AT_FIRST_FRAME;
    private static volatile long FX_THREAD = -1;
    private static volatile long RENDER_THREAD = -1;

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long threadCpu(long id) {
        return id < 0 ? 0 : Math.max(0, ManagementFactory.getThreadMXBean().getThreadCpuTime(id));
    }

    public static void main(String[] args) {
        try {
            run();
        } catch (Throwable e) {
            // the FX thread is not a daemon: without this a failed run would hang instead of ending
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        int services = Integer.getInteger("bench.services", 50);
        int perService = Integer.getInteger("bench.perService", 20);
        int liveSeconds = Integer.getInteger("bench.seconds", 150);
        int idleSeconds = Integer.getInteger("bench.idleSeconds", 15);
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        long toolkitUp = System.currentTimeMillis();

        ClusterSpec spec = Specs.large(services, perService);
        Simulator sim = new Simulator(spec);
        long[] windowStart = new long[1];
        AtomicLong firstFrame = new AtomicLong();
        LiveCluster[] live = new LiveCluster[1];
        Scene[] scene = new Scene[1];
        CountDownLatch shown = new CountDownLatch(1);
        long[] phases = new long[6];
        // what the agents send (their status with the spec's hash) is made before the clock starts: agent work, not the client's
        var masterStatus = sim.status("lb-a", Role.MASTER, Set.of());
        var backupStatus = sim.status("lb-b", Role.BACKUP, Set.of());
        Platform.runLater(() -> {
            windowStart[0] = System.nanoTime();
            ThemeManager theme = new ThemeManager(false);
            theme.apply();
            MainWindow window = new MainWindow(theme);
            phases[0] = System.nanoTime();
            live[0] = new LiveCluster(System::currentTimeMillis);
            live[0].config("lb-a", spec);
            live[0].connectionChanged("lb-a", ConnectionState.CONNECTED, "bench");
            live[0].connectionChanged("lb-b", ConnectionState.CONNECTED, "bench");
            live[0].status("lb-a", masterStatus);
            live[0].status("lb-b", backupStatus);
            phases[1] = System.nanoTime();
            window.show(new ClusterPane(live[0]));
            phases[2] = System.nanoTime();
            Stage stage = new Stage();
            scene[0] = new Scene(window, 1440, 900);
            stage.setScene(scene[0]);
            // Attached before the first paint: the render thread calls frameRendered() after each
            // frame it actually painted for this scene; pulses that paint nothing are not counted.
            PerformanceTracker tracker = PerformanceTracker.getSceneTracker(scene[0]);
            tracker.setOnRenderedFrameTask(() -> {
                if (firstFrame.compareAndSet(0, System.nanoTime())) {
                    CPU_AT_FIRST_FRAME = processCpu();
                }
                FRAMES.incrementAndGet();
            });
            tracker.setOnPulse(PULSES::incrementAndGet);
            stage.show();
            phases[3] = System.nanoTime();
            shown.countDown();
        });
        shown.await();
        while (firstFrame.get() == 0) {
            Thread.sleep(1);
        }
        long firstRendered = firstFrame.get();
        long firstRenderedWall = System.currentTimeMillis() - (System.nanoTime() - firstRendered) / 1_000_000;
        System.out.printf(Locale.ROOT, "real servers: %d (%d services x %d)%n", services * perService, services, perService);
        System.out.printf(Locale.ROOT, "rendering: glass %s, prism %s, dirtyopts %s%n",
                onFx(() -> com.sun.glass.ui.Application.GetApplication().getClass().getSimpleName()),
                com.sun.prism.GraphicsPipeline.getPipeline().getClass().getSimpleName(),
                System.getProperty("prism.dirtyopts", "true"));
        System.out.printf(Locale.ROOT, "start to first frame: %d ms from JVM start, %.0f ms from window construction;"
                + " process CPU until then %.0f ms; load average %.1f%n",
                firstRenderedWall - jvmStart, (firstRendered - windowStart[0]) / 1e6, CPU_AT_FIRST_FRAME / 1e6,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "  JVM start to toolkit up %d ms; on the FX thread: theme and toolbar %.0f ms, model of the cluster %.0f ms,"
                + " cluster pane %.0f ms, scene and show (CSS, layout) %.0f ms; then until the first frame %.0f ms%n",
                toolkitUp - jvmStart, (phases[0] - windowStart[0]) / 1e6, (phases[1] - phases[0]) / 1e6, (phases[2] - phases[1]) / 1e6,
                (phases[3] - phases[2]) / 1e6, (firstRendered - phases[3]) / 1e6);
        System.out.printf(Locale.ROOT, "scene graph: %d nodes in the window%n", onFx(() -> nodes(scene[0].getRoot())));
        FX_THREAD = onFx(() -> Thread.currentThread().getId());
        RENDER_THREAD = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .mapToLong(Thread::getId).findFirst().orElse(-1);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        double idleFps = measureFps(idleSeconds);
        System.out.printf(Locale.ROOT, "idle (figures not changing): %.1f rendered frames/s (%.1f pulses/s)%n",
                idleFps, LAST_PULSE_RATE);

        long fxThread = onFx(() -> Thread.currentThread().getId());
        Feeder feeder = new Feeder(live[0], sim, spec);
        Thread feed = new Thread(feeder, "bench-stream");
        feed.setDaemon(true);
        feed.start();
        int window = 10;
        double sumFps = 0;
        int windows = 0;
        double minFps = Double.MAX_VALUE;
        for (int t = 0; t < liveSeconds; t += window) {
            double fps = measureFps(window);
            sumFps += fps;
            windows++;
            minFps = Math.min(minFps, fps);
            if ((t + window) % 30 == 0) {
                System.gc();
                long used = memory.getHeapMemoryUsage().getUsed();
                System.out.printf(Locale.ROOT, "t=%3ds live: %.1f rendered frames/s (%.1f pulses/s), update on FX thread"
                        + " mean %.1f ms max %.1f ms, heap after GC %d MB%n",
                        t + window, fps, LAST_PULSE_RATE, feeder.meanMillis(), feeder.maxMillis(), used >> 20);
            }
        }
        feeder.stop();
        java.nio.file.Path shot = java.nio.file.Path.of("app", "target", "screenshots", "bench-" + services * perService + ".png");
        java.nio.file.Files.createDirectories(shot.getParent());
        javafx.scene.image.WritableImage image = onFx(() -> scene[0].snapshot(null));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", shot.toFile());
        System.out.println("screenshot: " + shot);
        System.gc();
        if (windows > 0) {
            System.out.printf(Locale.ROOT, "live over %d s: mean %.1f frames/s (min 10-s window %.1f), idle %.1f frames/s, ratio live/idle %.2f%n",
                    liveSeconds, sumFps / windows, minFps, idleFps, (sumFps / windows) / idleFps);
        }
        System.out.printf(Locale.ROOT, "updates applied: %d, FX-thread cost per update mean %.1f ms (CPU %.1f ms), max %.1f ms%n",
                feeder.count(), feeder.meanMillis(), feeder.meanCpuMillis(), feeder.maxMillis());
        System.out.printf(Locale.ROOT, "FX thread CPU since start: %.1f s (live phase %d s); JVM process CPU: %.1f s; load average now %.1f%n",
                fxCpu(fxThread) / 1e9, liveSeconds, ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime() / 1e9, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "heap after GC at end: %d MB (max heap %d MB)%n",
                memory.getHeapMemoryUsage().getUsed() >> 20, memory.getHeapMemoryUsage().getMax() >> 20);
        Platform.exit();
        System.exit(0);
    }

    /** Nodes in the tree under {@code node}, itself included: what CSS, layout and rendering walk. */
    private static int nodes(javafx.scene.Node node) {
        int count = 1;
        if (node instanceof javafx.scene.Parent parent) {
            for (javafx.scene.Node child : parent.getChildrenUnmodifiable()) {
                count += nodes(child);
            }
        }
        return count;
    }

    private static long fxCpu(long threadId) {
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(threadId);
    }

    /**
     * Rendered frames per second over {@code seconds}: frames counted by the render thread's
     * frameRendered() callback, divided by the wall time. Also prints the pulses of the same window,
     * so the two can be told apart (a pulse that finds nothing dirty renders nothing).
     */
    private static double measureFps(int seconds) throws Exception {
        long frames0 = FRAMES.get();
        long pulses0 = PULSES.get();
        long render0 = threadCpu(RENDER_THREAD);
        long fx0 = threadCpu(FX_THREAD);
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long frames = FRAMES.get() - frames0;
        double fps = frames / elapsed;
        LAST_PULSE_RATE = (PULSES.get() - pulses0) / elapsed;
        // CPU, not wall, per rendered frame: what the frame costs whatever share of the cores the process got
        double renderMs = (threadCpu(RENDER_THREAD) - render0) / 1e6 / Math.max(1, frames);
        double fxMs = (threadCpu(FX_THREAD) - fx0) / 1e6 / Math.max(1, frames);
        System.out.printf(Locale.ROOT, "  window %d s: %d frames, %.1f frames/s, %.1f pulses/s; CPU per frame: render thread"
                + " %.1f ms, FX thread %.1f ms -> %.0f frames/s if each thread had a core; load average %.1f%n",
                seconds, frames, fps, LAST_PULSE_RATE, renderMs, fxMs, 1000 / Math.max(renderMs, fxMs),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return fps;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> call) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(call);
        Platform.runLater(task);
        return task.get(30, TimeUnit.SECONDS);
    }

    /** Plays the master's event stream: one snapshot a second, a status every 5 s with some health flips. */
    private static final class Feeder implements Runnable {
        private final LiveCluster live;
        private final Simulator sim;
        private final ClusterSpec spec;
        private volatile boolean running = true;
        private final AtomicLong totalNanos = new AtomicLong();
        private final AtomicLong maxNanos = new AtomicLong();
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong cpuNanos = new AtomicLong();
        private static final java.lang.management.ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

        double meanCpuMillis() {
            return count.get() == 0 ? 0 : cpuNanos.get() / 1e6 / count.get();
        }

        private final Coalescer<CounterSnapshot> counters;

        Feeder(LiveCluster live, Simulator sim, ClusterSpec spec) {
            this.counters = new Coalescer<>(new FxTaskExecutor(), snapshot -> {
                long start = System.nanoTime();
                long cpuStart = CPU.getCurrentThreadCpuTime();
                live.counters("lb-a", snapshot);
                long spent = System.nanoTime() - start;
                cpuNanos.addAndGet(CPU.getCurrentThreadCpuTime() - cpuStart);
                totalNanos.addAndGet(spent);
                maxNanos.accumulateAndGet(spent, Math::max);
                count.incrementAndGet();
            });
            this.live = live;
            this.sim = sim;
            this.spec = spec;
        }

        @Override
        public void run() {
            int tick = 0;
            long next = System.currentTimeMillis();
            while (running) {
                tick++;
                long at = System.currentTimeMillis();
                Set<String> down = new HashSet<>();
                for (int i = 0; i < 10; i++) {
                    down.add("s" + ((tick / 5 + i * 7) % spec.virtualServices().size()) + "-r" + (i % 20));
                }
                var status = tick % 5 == 0 ? sim.status("lb-a", Role.MASTER, down) : null;
                CounterSnapshot snapshot;
                try {
                    // the same path as the stream: JSON text from the agent, parsed off the FX thread
                    String json = SpecCodec.mapper().writeValueAsString(sim.snapshot(at, tick, 1 + (tick % 60) / 30.0));
                    snapshot = AgentJson.snapshot(json);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                int t = tick;
                // the connection's own path: status and events queue, counters coalesce to the newest
                if (status != null) {
                    Platform.runLater(() -> live.status("lb-a", status));
                }
                if (t % 20 == 0) {
                    Platform.runLater(() -> live.event("lb-a", Simulator.event(t, at, "HEALTH", "lb-a", "bench", Map.of("up", "false"))));
                }
                counters.offer(snapshot);
                next += 1000;
                try {
                    Thread.sleep(Math.max(0, next - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() {
            running = false;
        }

        long count() {
            return count.get();
        }

        double meanMillis() {
            return count.get() == 0 ? 0 : totalNanos.get() / 1e6 / count.get();
        }

        double maxMillis() {
            return maxNanos.get() / 1e6;
        }
    }
}
