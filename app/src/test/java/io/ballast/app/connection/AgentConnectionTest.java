package io.ballast.app.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.app.concurrent.CurrentThreadTaskExecutor;
import io.ballast.app.main.LiveCluster;
import io.ballast.app.testsupport.FakeAgent;
import io.ballast.app.testsupport.Specs;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.api.CounterSnapshot;
import io.ballast.model.json.SpecCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConnectionTest {

    @TempDir
    Path dir;
    FakeAgent agent;
    final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    final List<String> states = new ArrayList<>();
    final List<CounterSnapshot> counters = new ArrayList<>();
    final List<AgentEvent> events = new ArrayList<>();

    final AgentListener recorder = new AgentListener() {
        @Override
        public void connectionChanged(String director, ConnectionState state, String message) {
            states.add(state.name());
        }

        @Override
        public void status(String director, AgentStatus status) {
        }

        @Override
        public void config(String director, ClusterSpec spec) {
        }

        @Override
        public void counters(String director, CounterSnapshot snapshot) {
            counters.add(snapshot);
        }

        @Override
        public void event(String director, AgentEvent event) {
            events.add(event);
        }
    };

    @BeforeEach
    void start() throws Exception {
        agent = new FakeAgent(dir)
                .status("{\"node\":\"lb-a\",\"role\":\"MASTER\",\"specHash\":\"h\"}")
                .config(SpecCodec.write(Specs.haPair()))
                .events("{\"events\":[{\"id\":1,\"atMillis\":1000,\"type\":\"APPLY\",\"node\":\"lb-a\"}]}")
                .stream("event: stats\ndata: {\"atMillis\":2000,\"samples\":[]}\n\n"
                        + "event: event\ndata: {\"id\":1,\"atMillis\":1000,\"type\":\"APPLY\",\"node\":\"lb-a\"}\n\n"
                        + "event: event\ndata: {\"id\":2,\"atMillis\":3000,\"type\":\"HEALTH\",\"node\":\"lb-a\"}\n\n");
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    private AgentConnection connection(String token) {
        return new AgentConnection("lb-a", new AgentClient(AgentEndpoint.of(agent.address(), token, agent.fingerprint())), executor, recorder);
    }

    @Test
    void connectsFollowsTheStreamAndSaysUnreachableWhenItEnds() {
        connection(FakeAgent.TOKEN).start();

        assertThat(states).containsExactly("CONNECTING", "CONNECTED", "UNREACHABLE");
        assertThat(counters).hasSize(1);
        assertThat(events).extracting(AgentEvent::id).containsExactly(1L, 2L);
    }

    @Test
    void anEventWrittenWhileTheStreamWasBeingOpenedIsStillDelivered() {
        agent.stream("event: stats\ndata: {\"atMillis\":2000,\"samples\":[]}\n\n")
                .eventsOnceSubscribed("{\"events\":[{\"id\":1,\"atMillis\":1000,\"type\":\"APPLY\",\"node\":\"lb-a\"},"
                        + "{\"id\":2,\"atMillis\":1500,\"type\":\"ROLE_CHANGE\",\"node\":\"lb-a\"}]}");

        connection(FakeAgent.TOKEN).start();

        assertThat(events).extracting(AgentEvent::id).containsExactly(1L, 2L);
    }

    @Test
    void reconnectsWithDoublingBackoffUntilClosed() {
        AgentConnection connection = connection(FakeAgent.TOKEN);
        connection.start();
        assertThat(executor.pendingDelays()).contains(Duration.ofSeconds(1));

        agent.close();
        executor.runScheduled();
        assertThat(states).endsWith("CONNECTING", "UNREACHABLE");
        assertThat(executor.pendingDelays()).contains(Duration.ofSeconds(2));
        executor.runScheduled();
        assertThat(executor.pendingDelays()).contains(Duration.ofSeconds(4));
        connection.close();
        assertThat(executor.runScheduled()).isZero();
    }

    @Test
    void silentStreamIsCutAndTheDirectorShownUnreachable() throws Exception {
        agent.hangingStream();
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        AgentListener listener = new AgentListener() {
            @Override
            public void connectionChanged(String director, ConnectionState state, String message) {
                seen.add(state + ": " + message);
            }

            @Override
            public void status(String director, AgentStatus status) {
            }

            @Override
            public void config(String director, ClusterSpec spec) {
            }

            @Override
            public void counters(String director, CounterSnapshot snapshot) {
            }

            @Override
            public void event(String director, AgentEvent event) {
            }
        };
        try (ThreadedExecutor threads = new ThreadedExecutor()) {
            AgentConnection connection = new AgentConnection("lb-a",
                    new AgentClient(AgentEndpoint.of(agent.address(), FakeAgent.TOKEN, agent.fingerprint())),
                    threads, listener, Duration.ofMillis(800));
            connection.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (seen.stream().noneMatch(s -> s.startsWith("UNREACHABLE")) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            connection.close();
        }
        assertThat(seen).anySatisfy(s -> assertThat(s).startsWith("CONNECTED"));
        assertThat(seen).anySatisfy(s -> assertThat(s).startsWith("UNREACHABLE").contains("sent nothing for 0.8 s"));
    }

    /** Loops on real threads, everything else inline on whichever thread asks: enough to let a stream hang. */
    private static final class ThreadedExecutor implements io.ballast.app.concurrent.TaskExecutor, AutoCloseable {
        private final java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();

        @Override
        public synchronized <T> void execute(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> ok,
                java.util.function.Consumer<Throwable> failed) {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                failed.accept(e);
                return;
            }
            ok.accept(result);
        }

        @Override
        public void startLoop(String name, Runnable loop) {
            Thread thread = new Thread(loop, name);
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public synchronized void runOnUi(Runnable action) {
            action.run();
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable action) {
            try {
                var future = timer.schedule(() -> runOnUi(action), delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                return () -> future.cancel(false);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                return () -> { }; // closed: a reconnect from a stream that outlived the test has nowhere to go
            }
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    @Test
    void agentThatNeverAnsweredIsOnScreenAsUnreachable() {
        LiveCluster live = new LiveCluster(() -> 5_000L);
        live.connect("payments", List.of(AgentEndpoint.of("127.0.0.1:1", FakeAgent.TOKEN, agent.fingerprint())), executor);
        assertThat(live.cluster().directors()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("127.0.0.1:1");
            assertThat(d.badgeProperty().get()).isEqualTo("UNREACHABLE");
        });
        live.close();
    }

    @Test
    void refusedTokenIsNotShownAsConnected() {
        connection("wrong").start();
        assertThat(states).containsExactly("CONNECTING", "UNAUTHORIZED");
    }

    @Test
    void untrustedCertificateIsNeverRetriedSilently() {
        new AgentConnection("lb-a", new AgentClient(AgentEndpoint.of(agent.address(), FakeAgent.TOKEN, "cd".repeat(32))),
                executor, recorder).start();
        assertThat(states).containsExactly("CONNECTING", "UNTRUSTED");
        assertThat(executor.pendingDelays()).isEmpty();
    }

    @Test
    void liveClusterNamesTheDirectorFromTheSpecAndShowsItUnreachableAfterTheStreamEnds() {
        ClusterSpec spec = Specs.haPair();
        Director a = spec.directors().get(0);
        ClusterSpec local = new ClusterSpec(spec.schemaVersion(), spec.name(), spec.form(), spec.revision(),
                List.of(new Director(a.id(), a.address(), "https://" + agent.address(), a.priority(), a.iface()), spec.directors().get(1)),
                spec.virtualServices(), spec.failover());
        agent.config(SpecCodec.write(local));
        LiveCluster live = new LiveCluster(() -> 5_000L);
        agent.stats("{\"points\":[{\"atMillis\":1000,\"samples\":[{\"service\":\"tcp/203.0.113.10:80\",\"realServer\":null,"
                + "\"counters\":{\"connections\":0}}]},{\"atMillis\":11000,\"samples\":[{\"service\":\"tcp/203.0.113.10:80\","
                + "\"realServer\":null,\"counters\":{\"connections\":50}}]}]}");
        live.connect(List.of(AgentEndpoint.of(agent.address(), FakeAgent.TOKEN, agent.fingerprint())), executor);

        assertThat(live.metrics().series(io.ballast.app.metrics.Scope.service("tcp/203.0.113.10:80"),
                io.ballast.app.metrics.Metric.NEW_CONNECTIONS, io.ballast.app.metrics.TimeWindow.SIXTY_MINUTES))
                .extracting(io.ballast.app.metrics.ScopeHistory.Point::value).contains(5f);
        assertThat(live.cluster().director("lb-a").connectionProperty().get()).isEqualTo(ConnectionState.UNREACHABLE);
        assertThat(live.cluster().director("lb-a").badgeProperty().get()).isEqualTo("UNREACHABLE");
        assertThat(live.timeline().lanes().get(0).entries()).isNotEmpty();
        live.close();
    }
}
