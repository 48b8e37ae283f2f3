package io.ballast.app.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.app.testsupport.FakeAgent;
import io.ballast.app.testsupport.Specs;
import io.ballast.model.api.Role;
import io.ballast.model.json.SpecCodec;
import io.ballast.tls.Fingerprints;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentClientTest {

    @TempDir
    static Path dir;
    static FakeAgent agent;

    @BeforeAll
    static void start() throws Exception {
        agent = new FakeAgent(dir)
                .status("""
                        {"node":"lb-a","role":"MASTER","plane":"ipvs","revision":41,"specHash":"abc",
                         "cluster":{"form":"HA_PAIR"},"uptimeSeconds":12,
                         "health":{"up":1,"down":1,"verdicts":[
                           {"service":"tcp/203.0.113.10:80","realServer":"198.51.100.21:80","up":true,"detail":"ok"},
                           {"service":"tcp/203.0.113.10:80","realServer":"198.51.100.22:80","up":false,"detail":"refused"}]}}""")
                .config(SpecCodec.write(Specs.haPair()))
                .events("""
                        [{"id":5,"atMillis":1000,"type":"ROLE_CHANGE","node":"lb-a","message":"took over",
                          "detail":{"from":"BACKUP","to":"MASTER","takeoverMillis":182},"extra":true}]""")
                .stream("""
                        : keep-alive

                        event: stats
                        data: {"atMillis":2000,"samples":[{"service":"tcp/203.0.113.10:80","realServer":null,
                        data:  "counters":{"activeConnections":3,"inactiveConnections":0,"connections":10,"packetsIn":1,"packetsOut":1,"bytesIn":5,"bytesOut":6}}]}

                        event: event
                        id: 6
                        data: {"id":6,"atMillis":2500,"type":"ALARM","node":"lb-a","message":"sync daemon stopped"}

                        """);
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    private AgentClient pinned() {
        return new AgentClient(AgentEndpoint.of(agent.address(), FakeAgent.TOKEN, Fingerprints.display(agent.fingerprint())));
    }

    @Test
    void pinnedAgentAnswersStatusWithUnknownFieldsIgnored() throws Exception {
        AgentStatus status = pinned().status();
        assertThat(status.node()).isEqualTo("lb-a");
        assertThat(status.role()).isEqualTo(Role.MASTER);
        assertThat(status.form()).isEqualTo("HA_PAIR");
        assertThat(status.verdicts()).extracting(AgentStatus.HealthVerdict::up).containsExactly(true, false);
        assertThat(agent.authorizations()).contains("Bearer " + FakeAgent.TOKEN);
    }

    @Test
    void configIsReadWithTheSharedSpecCodec() throws Exception {
        assertThat(pinned().config()).isEqualTo(Specs.haPair());
    }

    @Test
    void eventsCarryTakeoverTime() throws Exception {
        List<AgentEvent> events = pinned().events(0);
        assertThat(events).singleElement().satisfies(e -> assertThat(e.takeoverMillis()).hasValue(182));
    }

    @Test
    void certificateOtherThanThePinnedOneIsRefused() {
        AgentClient client = new AgentClient(AgentEndpoint.of(agent.address(), FakeAgent.TOKEN, "ab".repeat(32)));
        assertThatThrownBy(client::status)
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.kind()).isEqualTo(AgentException.Kind.UNTRUSTED))
                .hasMessageContaining("certificate changed");
    }

    @Test
    void firstContactReadsTheFingerprintButTrustsNothing() throws Exception {
        AgentClient client = new AgentClient(AgentEndpoint.of(agent.address(), FakeAgent.TOKEN, null));
        assertThat(client.presentedFingerprint()).isEqualTo(agent.fingerprint());
        assertThatThrownBy(client::status)
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.kind()).isEqualTo(AgentException.Kind.UNTRUSTED));
    }

    @Test
    void wrongTokenIsReportedAsUnauthorized() {
        AgentClient client = new AgentClient(AgentEndpoint.of(agent.address(), "wrong", agent.fingerprint()));
        assertThatThrownBy(client::status)
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.kind()).isEqualTo(AgentException.Kind.UNAUTHORIZED));
    }

    @Test
    void streamDeliversStatsAndEventsAsTheyArrive() throws Exception {
        List<String> names = new ArrayList<>();
        List<String> data = new ArrayList<>();
        pinned().stream((name, body, id) -> {
            names.add(name);
            data.add(body);
        });
        assertThat(names).containsExactly("stats", "event");
        assertThat(AgentJson.snapshot(data.get(0)).samples().get(0).counters().connections()).isEqualTo(10);
        assertThat(AgentJson.event(data.get(1)).type()).isEqualTo("ALARM");
    }

    @Test
    void nothingListeningIsUnreachable() {
        AgentClient client = new AgentClient(AgentEndpoint.of("127.0.0.1:1", FakeAgent.TOKEN, agent.fingerprint()));
        assertThatThrownBy(client::status)
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.kind()).isEqualTo(AgentException.Kind.UNREACHABLE));
    }
}
