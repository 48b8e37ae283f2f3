package io.ballast.app.editing.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.app.testsupport.Specs;
import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.FailoverDefaults;
import io.ballast.model.validate.Problem;
import io.ballast.model.validate.Validator;
import org.junit.jupiter.api.Test;

class AddDirectorJobTest {

    @Test
    void aSingleClusterBecomesAPairWithItsDirectorAsMasterAndTheNewOneAsStandby() {
        ClusterSpec single = Specs.single();
        SpecDocument document = new SpecDocument(single);
        JobManager jobs = new JobManager(document);

        assertThat(jobs.push(new AddDirectorJob(document))).isTrue();

        ClusterSpec pair = document.spec();
        assertThat(pair.form()).isEqualTo(ClusterForm.HA_PAIR);
        assertThat(pair.directors()).containsExactly(single.directors().get(0),
                new Director("lb-2", "", "", 50, "eth0"));
        assertThat(pair.failover()).isEqualTo(FailoverDefaults.settings(AddDirectorJob.DEFAULT_VRID));
        assertThat(pair.virtualServices()).isEqualTo(single.virtualServices());
        assertThat(jobs.history()).containsExactly("Add director lb-2");
    }

    @Test
    void onlyWhatTheOperatorMustFillInIsAProblem() {
        SpecDocument document = new SpecDocument(Specs.single());
        new JobManager(document).push(new AddDirectorJob(document));

        assertThat(Validator.validate(document.spec())).extracting(Problem::path)
                .containsExactlyInAnyOrder("/directors/1/address", "/directors/1/agentEndpoint");
    }

    @Test
    void undoGivesTheSingleClusterBackExactly() {
        ClusterSpec single = Specs.single();
        SpecDocument document = new SpecDocument(single);
        JobManager jobs = new JobManager(document);
        jobs.push(new AddDirectorJob(document));
        ClusterSpec pair = document.spec();

        jobs.undo();
        assertThat(document.spec()).isEqualTo(single);
        jobs.redo();
        assertThat(document.spec()).isEqualTo(pair);
    }

    @Test
    void aSingleDirectorWithoutAValidPriorityGetsOneSoTheStandbyCanBeLower() {
        ClusterSpec single = Specs.single();
        Director lb1 = single.directors().get(0);
        ClusterSpec noPriority = new ClusterSpec(single.schemaVersion(), single.name(), single.form(), single.revision(),
                java.util.List.of(new Director(lb1.id(), lb1.address(), lb1.agentEndpoint(), 0, lb1.iface())),
                single.virtualServices(), null);
        SpecDocument document = new SpecDocument(noPriority);

        new JobManager(document).push(new AddDirectorJob(document));

        assertThat(document.spec().directors()).extracting(Director::priority).containsExactly(150, 100);
    }

    @Test
    void aPairThatHasItsTwoDirectorsIsRefusedWithASentence() {
        SpecDocument document = new SpecDocument(Specs.haPair());
        JobManager jobs = new JobManager(document);

        assertThat(jobs.push(new AddDirectorJob(document))).isFalse();

        assertThat(AddDirectorJob.refusal(Specs.haPair())).contains("two directors already");
        assertThat(document.spec()).isEqualTo(Specs.haPair());
    }

    @Test
    void theNewDirectorsIdFollowsTheNamingOfTheOthers() {
        assertThat(AddDirectorJob.newId(Specs.single())).isEqualTo("lb-2");
        assertThat(AddDirectorJob.newId(Specs.streamline())).isEqualTo("node-c");
    }
}
