package io.ballast.app.editing.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.app.connection.AgentStatus.HealthVerdict;
import io.ballast.app.editing.job.EditFieldJob;
import io.ballast.app.editing.job.JobManager;
import io.ballast.app.editing.job.Properties;
import io.ballast.app.editing.job.RemoveRealServerJob;
import io.ballast.app.editing.job.SpecDocument;
import io.ballast.app.editing.job.SpecPath;
import io.ballast.app.testsupport.Specs;
import io.ballast.model.ClusterSpec;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.Protocol;
import io.ballast.model.ServiceKey;
import io.ballast.model.api.CounterSample;
import io.ballast.model.api.CounterSnapshot;
import io.ballast.model.api.Counters;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeReviewTest {

    private static final ServiceKey WEB = ServiceKey.of(Protocol.TCP, "203.0.113.10", 80);
    private static final ServiceKey API = ServiceKey.of(Protocol.TCP, "203.0.113.10", 443);

    private final ClusterSpec inEffect = Specs.haPair();
    private final SpecDocument document = new SpecDocument(inEffect);
    private final JobManager jobs = new JobManager(document);

    @Test
    void removingAServerWithActiveConnectionsSaysHowManyWillBeDropped() {
        jobs.push(new RemoveRealServerJob(document, WEB, "198.51.100.22:80"));
        LiveFacts facts = LiveFacts.of(List.of(), new CounterSnapshot(0, List.of(
                new CounterSample(WEB.toString(), "198.51.100.22:80", new Counters(37, 3, 900, 0, 0, 0, 0)))));

        ChangeReview review = ChangeReview.of(inEffect, document.spec(), facts);

        assertThat(review.operations()).singleElement().asString().contains("remove real server web-2");
        assertThat(review.warnings()).containsExactly(
                "real server web-2 removed: 37 active connections will be dropped unless drained first");
        assertThat(review.canApply()).isTrue();
    }

    @Test
    void withoutCountersTheReviewSaysItCannotTell() {
        jobs.push(new RemoveRealServerJob(document, WEB, "198.51.100.22:80"));

        ChangeReview review = ChangeReview.of(inEffect, document.spec(), LiveFacts.NONE);

        assertThat(review.warnings()).singleElement().asString().contains("no live counters");
    }

    @Test
    void removingTheLastHealthyServerOfAServiceIsWarned() {
        // api-1 is the only one up; api-2 and api-3 are failed by health checks.
        LiveFacts facts = LiveFacts.of(List.of(
                new HealthVerdict(API.toString(), "198.51.100.32:443", false, "refused"),
                new HealthVerdict(API.toString(), "198.51.100.33:443", false, "refused")),
                new CounterSnapshot(0, List.of()));
        jobs.push(new RemoveRealServerJob(document, API, "198.51.100.31:443"));

        ChangeReview review = ChangeReview.of(inEffect, document.spec(), facts);

        assertThat(review.warnings()).contains("virtual service api: the last healthy real server (api-1) would be"
                + " gone; new connections will be refused");
    }

    @Test
    void forwardingAndVridChangesAreWarnedAndTheSpecLinesListed() {
        jobs.push(new EditFieldJob<>(document, SpecPath.service(0, Properties.SERVICE_FORWARDING), ForwardingMethod.DR));
        jobs.push(new EditFieldJob<>(document, SpecPath.failover(Properties.FAILOVER_VRID), 60));

        ChangeReview review = ChangeReview.of(inEffect, document.spec(), LiveFacts.NONE);

        assertThat(review.specChanges()).containsExactly("failover: vrid 51 → 60");
        assertThat(review.warnings()).hasSize(2);
        assertThat(review.warnings().get(0)).startsWith("virtual service web: forwarding changes from nat to dr");
        assertThat(review.warnings().get(1)).startsWith("failover: the VRRP id changes from 51 to 60");
    }

    @Test
    void anInvalidSpecCannotBeAppliedAndSaysWhere() {
        jobs.push(new EditFieldJob<>(document, SpecPath.realServer(0, 0, Properties.SERVER_WEIGHT), 70000));

        ChangeReview review = ChangeReview.of(inEffect, document.spec(), LiveFacts.NONE);

        assertThat(review.canApply()).isFalse();
        assertThat(review.problems()).anySatisfy(p ->
                assertThat(p.path()).isEqualTo("/virtualServices/0/realServers/0/weight"));
    }

    @Test
    void nothingEditedIsNothingToApply() {
        ChangeReview review = ChangeReview.of(inEffect, document.spec(), LiveFacts.NONE);

        assertThat(review.isEmpty()).isTrue();
        assertThat(review.canApply()).isFalse();
    }
}
