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
        live.connect(List.of(AgentEndpoint.of(agent.address(), FakeAgent.TOKEN, agent.fingerprint())), executor);

        assertThat(live.cluster().director("lb-a").connectionProperty().get()).isEqualTo(ConnectionState.UNREACHABLE);
        assertThat(live.cluster().director("lb-a").badgeProperty().get()).isEqualTo("UNREACHABLE");
        assertThat(live.timeline().lanes().get(0).entries()).isNotEmpty();
        live.close();
    }
}
