package io.ballast.app.editing.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.app.connection.AgentClient;
import io.ballast.app.editing.job.AddRealServerJob;
import io.ballast.app.editing.job.AddVirtualServiceJob;
import io.ballast.app.editing.job.EditFieldJob;
import io.ballast.app.editing.job.JobManager;
import io.ballast.app.editing.job.Properties;
import io.ballast.app.editing.job.RemoveRealServerJob;
import io.ballast.app.editing.job.SpecDocument;
import io.ballast.app.editing.job.SpecPath;
import io.ballast.app.testsupport.AgentPair;
import io.ballast.model.AdminState;
import io.ballast.model.ClusterSpec;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;
import io.ballast.model.json.SpecCodec;
import io.ballast.app.editing.review.ChangeReview;
import io.ballast.app.editing.review.LiveFacts;
import io.ballast.app.lab.process.LabRealServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ClusterApply against two real agent processes of an HA pair. */
class ClusterApplyTest {

    @TempDir
    Path dir;

    private AgentPair pair;
    private final List<String> progress = new ArrayList<>();
    private ClusterApply apply;

    @BeforeEach
    void startPair() throws Exception {
        pair = new AgentPair(dir);
        apply = new ClusterApply(Duration.ofSeconds(20), progress::add);
    }

    @AfterEach
    void stopPair() {
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void anEditReachesTheBackupFirstThenTheMasterAndBothReportIt() throws Exception {
        ClusterSpec inEffect = pair.master.client().config();
        JobManager jobs = new JobManager(new SpecDocument(inEffect));
        jobs.push(new AddRealServerJob(jobs.document(), web(), RealServer.of("web-3", pair.masterAddress, 9103, 2)));
        jobs.push(new EditFieldJob<>(jobs.document(), SpecPath.realServer(0, 0, Properties.SERVER_WEIGHT), 5));
        ClusterSpec edited = jobs.document().spec();

        ApplyOutcome outcome = apply.apply(inEffect, edited, pair.agents());

        assertThat(outcome.result()).as(String.join("\n", outcome.steps())).isEqualTo(ApplyOutcome.Result.APPLIED);
        assertThat(indexOfFirst(progress, "lb-b")).isLessThan(indexOfFirst(progress, "lb-a"));
        assertThat(outcome.revisions()).containsEntry("lb-a", 2L).containsEntry("lb-b", 2L);
        for (AgentClient client : List.of(pair.master.client(), pair.backup.client())) {
            assertThat(client.config().withRevision(0)).isEqualTo(edited.withRevision(0));
            assertThat(client.status().revision()).isEqualTo(2);
            assertThat(client.status().specHash()).isEqualTo(SpecCodec.hash(edited));
        }
    }

    @Test
    void whenTheMasterCannotTakeTheSpecBothDirectorsEndOnThePreviousSpec() throws Exception {
        ClusterSpec inEffect = pair.master.client().config();
        // The new service's VIP port is taken on the master, which alone listens: its plane must refuse.
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(pair.vip))) {
            VirtualService api = new VirtualService("api", Protocol.TCP, pair.vip, taken.getLocalPort(), null, null,
                    Scheduler.RR, null, null, ForwardingMethod.NAT, null, null,
                    List.of(RealServer.of("api-1", "127.0.0.1", 9201, 1)));
            SpecDocument document = new SpecDocument(inEffect);
            JobManager jobs = new JobManager(document);
            jobs.push(new AddVirtualServiceJob(document, api));

            ApplyOutcome outcome = apply.apply(inEffect, document.spec(), pair.agents());

            assertThat(outcome.result()).as(String.join("\n", outcome.steps())).isEqualTo(ApplyOutcome.Result.ROLLED_BACK);
            assertThat(outcome.reason()).contains(pair.master.endpoint().toString())
                    .contains("cannot listen");
            assertThat(outcome.steps()).anyMatch(s -> s.startsWith("lb-b: back on the previous spec"));
        }
        for (AgentClient client : List.of(pair.master.client(), pair.backup.client())) {
            assertThat(client.config().withRevision(0)).isEqualTo(inEffect.withRevision(0));
            assertThat(client.status().specHash()).isEqualTo(SpecCodec.hash(inEffect));
        }
        // The backup went to 2 and back as 3; the master never moved.
        assertThat(pair.backup.client().status().revision()).isEqualTo(3);
        assertThat(pair.master.client().status().revision()).isEqualTo(1);
    }

    @Test
    void aChangeBehindTheClientsBackIsAConflictThatShowsItAndCanBeAppliedOnTop() throws Exception {
        ClusterSpec inEffect = pair.master.client().config();
        List<DirectorAgent> agents = pair.agents();
        // Someone else drains web-2 on the master with the revision the client also holds.
        SpecDocument theirDocument = new SpecDocument(inEffect);
        new JobManager(theirDocument).push(new EditFieldJob<>(theirDocument,
                SpecPath.realServer(0, 1, Properties.SERVER_STATE), AdminState.DRAIN));
        pair.master.client().putConfig(theirDocument.spec(), 1, false);
        SpecDocument ours = new SpecDocument(inEffect);
        new JobManager(ours).push(new RemoveRealServerJob(ours, web(), pair.web1));

        ApplyOutcome outcome = apply.apply(inEffect, ours.spec(), agents);

        assertThat(outcome.result()).as(String.join("\n", outcome.steps())).isEqualTo(ApplyOutcome.Result.CONFLICT);
        assertThat(outcome.conflict().directorId()).isEqualTo("lb-a");
        assertThat(outcome.conflict().theirChanges()).singleElement().asString().contains("web-2 " + pair.web2)
                .contains("state active → drain");
        // Re-applying ours would also take their drain back: the operator sees that before choosing.
        assertThat(outcome.conflict().oursOverTheirs()).anySatisfy(line -> assertThat(line)
                .contains("remove real server web-1 " + pair.web1));
        assertThat(outcome.conflict().oursOverTheirs()).anySatisfy(line -> assertThat(line)
                .contains("web-2 " + pair.web2 + ": state drain → active"));
        assertThat(pair.backup.client().config().withRevision(0)).isEqualTo(inEffect.withRevision(0));

        ApplyOutcome again = apply.apply(outcome.conflict().theirs(), ours.spec(), List.of(
                agents.get(0).withKnownRevision(outcome.revisions().get("lb-a")),
                agents.get(1).withKnownRevision(outcome.revisions().get("lb-b"))));

        assertThat(again.result()).as(String.join("\n", again.steps())).isEqualTo(ApplyOutcome.Result.APPLIED);
        assertThat(pair.master.client().config().withRevision(0)).isEqualTo(ours.spec().withRevision(0));
        assertThat(pair.backup.client().config().withRevision(0)).isEqualTo(ours.spec().withRevision(0));
    }

    @Test
    void aDrainReachesEveryDirectorAndADirectorThatMissedItIsReported() throws Exception {
        List<DirectorAgent> agents = pair.agents();

        RuntimeActions.Result drained = RuntimeActions.setState(agents, web(), pair.web2, AdminState.DRAIN);

        assertThat(drained.everywhere()).as(drained.differing().toString()).isTrue();
        for (AgentClient client : List.of(pair.master.client(), pair.backup.client())) {
            assertThat(client.config().virtualServices().get(0).realServers().get(1).state()).isEqualTo(AdminState.DRAIN);
        }
        pair.backup.close();

        RuntimeActions.Result weighted = RuntimeActions.setWeight(agents, web(), pair.web1, 7);

        assertThat(weighted.revisions()).containsOnlyKeys("lb-a");
        assertThat(weighted.differing()).singleElement().asString()
                .startsWith("lb-b did not take weight 7 for " + pair.web1)
                .contains("the directors differ");
        assertThat(pair.master.client().config().virtualServices().get(0).realServers().get(0).weight()).isEqualTo(7);
    }

    @Test
    void theReviewCountsTheConnectionsARemovalWouldDropFromTheMastersCounters() throws Exception {
        ClusterSpec inEffect = pair.master.client().config();
        SpecDocument document = new SpecDocument(inEffect);
        new JobManager(document).push(new RemoveRealServerJob(document, web(), pair.web1));
        try (LabRealServer web1 = new LabRealServer("web-1", new InetSocketAddress(pair.masterAddress, 9101));
             LabRealServer web2 = new LabRealServer("web-2", new InetSocketAddress(pair.masterAddress, 9102))) {
            List<Socket> clients = new ArrayList<>();
            try {
                // Round robin over two servers: four open connections give each server two.
                for (int i = 0; i < 4; i++) {
                    Socket client = new Socket(pair.vip, pair.vipPort);
                    client.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    client.getOutputStream().flush();
                    clients.add(client);
                }
                ChangeReview review = null;
                String metrics = null;
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (System.nanoTime() < deadline) {
                    metrics = pair.master.client().metricsText();
                    review = ChangeReview.of(inEffect, document.spec(),
                            LiveFacts.ofMetrics(pair.master.client().status().verdicts(), metrics));
                    if (review.warnings().stream().anyMatch(w -> w.contains("2 active connections"))) {
                        break;
                    }
                    Thread.sleep(250);
                }

                assertThat(review.warnings()).as("metrics: %s", metrics).containsExactly(
                        "real server web-1 removed: 2 active connections will be dropped unless drained first");
            } finally {
                for (Socket client : clients) {
                    client.close();
                }
            }
        }
    }

    private ServiceKey web() {
        return ServiceKey.of(Protocol.TCP, pair.vip, pair.vipPort);
    }

    private static int indexOfFirst(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }
}
