package io.ballast.app.editing.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.app.testsupport.Specs;
import io.ballast.model.AdminState;
import io.ballast.model.ClusterSpec;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobManagerTest {

    private static final ServiceKey WEB = ServiceKey.of(Protocol.TCP, "203.0.113.10", 80);
    private static final ServiceKey API = ServiceKey.of(Protocol.TCP, "203.0.113.10", 443);

    private final ClusterSpec original = Specs.haPair();
    private final SpecDocument document = new SpecDocument(original);
    private final JobManager jobs = new JobManager(document);

    @Test
    void addingARealServerPutsItInTheServiceAndUndoRestoresTheExactSpec() {
        RealServer added = RealServer.of("web-9", "198.51.100.90", 80, 5);

        assertThat(jobs.push(new AddRealServerJob(document, WEB, added))).isTrue();

        assertThat(service(WEB).realServers()).endsWith(added);
        ClusterSpec after = document.spec();
        jobs.undo();
        assertThat(document.spec()).isEqualTo(original);
        jobs.redo();
        assertThat(document.spec()).isEqualTo(after);
    }

    @Test
    void addingAServerThatIsAlreadyThereIsRefusedAndLeavesNoHistory() {
        RealServer existing = service(WEB).realServers().get(0);

        assertThat(jobs.push(new AddRealServerJob(document, WEB, existing))).isFalse();

        assertThat(document.spec()).isEqualTo(original);
        assertThat(jobs.history()).isEmpty();
        assertThat(jobs.isEdited()).isFalse();
    }

    @Test
    void movingAServerTakesItOutOfOneServiceAndIntoTheOtherWithItsSettings() {
        RealServer web2 = service(WEB).realServers().get(1);

        jobs.push(new MoveRealServerJob(document, WEB, web2.key(), API));

        assertThat(service(WEB).realServers()).doesNotContain(web2);
        assertThat(service(API).realServers()).endsWith(web2);
        assertThat(jobs.history()).containsExactly("Move real server web-2 from web to api");
        jobs.undo();
        assertThat(document.spec()).isEqualTo(original);
    }

    @Test
    void removingAServerAndAServiceUndoInReverseOrder() {
        jobs.push(new RemoveRealServerJob(document, WEB, service(WEB).realServers().get(0).key()));
        ClusterSpec afterFirst = document.spec();
        jobs.push(new RemoveVirtualServiceJob(document, API));

        assertThat(document.spec().virtualServices()).extracting(VirtualService::name).containsExactly("web", "rdp");
        assertThat(jobs.history()).containsExactly("Remove real server web-1 from web", "Remove virtual service api");
        jobs.undo();
        assertThat(document.spec()).isEqualTo(afterFirst);
        jobs.undo();
        assertThat(document.spec()).isEqualTo(original);
        assertThat(jobs.future()).containsExactly("Remove real server web-1 from web", "Remove virtual service api");
    }

    @Test
    void addingAVirtualServiceAppendsItAndADuplicateKeyIsRefused() {
        VirtualService mail = new VirtualService("mail", Protocol.TCP, "203.0.113.20", 25, null, null, Scheduler.RR,
                null, null, ForwardingMethod.NAT, null, null, List.of());

        assertThat(jobs.push(new AddVirtualServiceJob(document, mail))).isTrue();
        assertThat(jobs.push(new AddVirtualServiceJob(document, mail))).isFalse();

        assertThat(document.spec().virtualServices()).hasSize(4).last().isEqualTo(mail);
        assertThat(jobs.history()).containsExactly("Add virtual service mail");
    }

    @Test
    void editingAFieldChangesOnlyThatFieldAndSaysWhatInTheHistory() {
        SpecPath<Integer> weight = SpecPath.realServer(0, 1, Properties.SERVER_WEIGHT);

        jobs.push(new EditFieldJob<>(document, weight, 7));

        assertThat(service(WEB).realServers().get(1).weight()).isEqualTo(7);
        assertThat(service(WEB).realServers().get(0)).isEqualTo(original.virtualServices().get(0).realServers().get(0));
        assertThat(jobs.history()).containsExactly("Set weight of real server web-2 to 7");
        assertThat(weight.pointer()).isEqualTo("/virtualServices/0/realServers/1/weight");
        jobs.undo();
        assertThat(document.spec()).isEqualTo(original);
    }

    @Test
    void editingAFieldToItsCurrentValueIsNotAnEdit() {
        SpecPath<AdminState> state = SpecPath.realServer(0, 0, Properties.SERVER_STATE);

        assertThat(jobs.push(new EditFieldJob<>(document, state, AdminState.ACTIVE))).isFalse();
        assertThat(jobs.push(new EditFieldJob<>(document, SpecPath.realServer(0, 99, Properties.SERVER_STATE),
                AdminState.DRAIN))).isFalse();
    }

    @Test
    void editingFieldsOfEveryKindRoundTrips() {
        jobs.push(new EditFieldJob<>(document, SpecPath.service(1, Properties.SERVICE_SCHEDULER), Scheduler.RR));
        jobs.push(new EditFieldJob<>(document, SpecPath.director(1, Properties.DIRECTOR_IFACE), "eth1"));
        jobs.push(new EditFieldJob<>(document, SpecPath.failover(Properties.FAILOVER_VRID), 77));
        jobs.push(new EditFieldJob<>(document, SpecPath.cluster(Properties.CLUSTER_NAME), "payments-2"));

        ClusterSpec edited = document.spec();
        assertThat(edited.virtualServices().get(1).scheduler()).isEqualTo(Scheduler.RR);
        assertThat(edited.directors().get(1).iface()).isEqualTo("eth1");
        assertThat(edited.failover().vrid()).isEqualTo(77);
        assertThat(edited.name()).isEqualTo("payments-2");
        assertThat(jobs.history()).containsExactly("Set scheduler of virtual service api to RR",
                "Set interface of director lb-b to eth1", "Set vrrp id of failover to 77",
                "Set cluster name of cluster payments to payments-2");
        for (int i = 0; i < 4; i++) {
            jobs.undo();
        }
        assertThat(document.spec()).isEqualTo(original);
        for (int i = 0; i < 4; i++) {
            jobs.redo();
        }
        assertThat(document.spec()).isEqualTo(edited);
    }

    @Test
    void swappingDirectorPrioritiesMakesTheStandbyTheMaster() {
        jobs.push(new SwapDirectorPrioritiesJob(document, "lb-a", "lb-b"));

        assertThat(document.spec().directors()).extracting(d -> d.id() + "=" + d.priority())
                .containsExactly("lb-a=100", "lb-b=150");
        assertThat(jobs.history()).containsExactly("Swap the priorities of directors lb-a and lb-b");
        jobs.undo();
        assertThat(document.spec()).isEqualTo(original);
    }

    @Test
    void pastingLinesAddsEveryServerInOneStep() {
        PasteRealServersJob paste = PasteRealServersJob.fromText(document, WEB, """
                198.51.100.30:80 weight 2
                # a comment
                198.51.100.31:80 weight 3 name web-31 state drain

                [2001:db8::5]:80
                """);

        assertThat(jobs.push(paste)).isTrue();

        assertThat(service(WEB).realServers()).hasSize(7);
        assertThat(service(WEB).realServers().get(5)).isEqualTo(
                new RealServer("web-31", "198.51.100.31", 80, 3, null, 0, 0, null, AdminState.DRAIN));
        assertThat(service(WEB).realServers().get(6).address()).isEqualTo("2001:db8::5");
        assertThat(jobs.history()).containsExactly("Paste 3 real servers into web");
        jobs.undo();
        assertThat(document.spec()).isEqualTo(original);
    }

    @Test
    void pastingWithOneBadLineAddsNothingAndNamesEveryBadLine() {
        PasteRealServersJob paste = PasteRealServersJob.fromText(document, WEB, """
                198.51.100.30:80 weight 2
                198.51.100.31 weight 3
                198.51.100.32:80 weight lots
                """);

        assertThat(jobs.push(paste)).isFalse();

        assertThat(paste.problems()).containsExactly(
                "line 2: '198.51.100.31' must look like 192.0.2.10:80",
                "line 3: weight 'lots' must be a number from 0 to 65535");
        assertThat(document.spec()).isEqualTo(original);
    }

    @Test
    void pastingAServerTheServiceAlreadyHasIsRefused() {
        String copied = RealServerLines.format(service(WEB).realServers().subList(0, 2));

        PasteRealServersJob intoSame = PasteRealServersJob.fromText(document, WEB, copied);
        PasteRealServersJob intoApi = PasteRealServersJob.fromText(document, API, copied);

        assertThat(jobs.push(intoSame)).isFalse();
        assertThat(intoSame.problems()).hasSize(2).first().asString().contains("already a real server of web");
        assertThat(jobs.push(intoApi)).isTrue();
        assertThat(service(API).realServers().subList(3, 5)).isEqualTo(service(WEB).realServers().subList(0, 2));
    }

    @Test
    void aBatchRunsAllOrNothingAsOneStep() {
        List<SpecTransformJob> removals = new ArrayList<>();
        for (RealServer server : service(WEB).realServers().subList(0, 2)) {
            removals.add(new RemoveRealServerJob(document, WEB, server.key()));
        }
        assertThat(jobs.push(new BatchJob(document, "Remove 2 real servers", removals))).isTrue();
        assertThat(service(WEB).realServers()).hasSize(2);

        List<SpecTransformJob> again = List.of(new RemoveRealServerJob(document, WEB,
                service(WEB).realServers().get(0).key()), new RemoveRealServerJob(document, WEB, "198.51.100.21:80"));
        ClusterSpec before = document.spec();
        assertThat(jobs.push(new BatchJob(document, "Remove 2 real servers", again))).isFalse();
        assertThat(document.spec()).isEqualTo(before);
        jobs.undo();
        assertThat(document.spec()).isEqualTo(original);
    }

    @Test
    void theEditedFlagFollowsUndoAndApply() {
        List<Boolean> seen = new ArrayList<>();
        jobs.addListener(m -> seen.add(m.isEdited()));

        jobs.push(new SwapDirectorPrioritiesJob(document, "lb-a", "lb-b"));
        jobs.undo();
        jobs.redo();
        jobs.applied(document.spec().withRevision(original.revision() + 1));

        assertThat(seen).containsExactly(true, false, true, false);
        assertThat(jobs.canUndo()).isTrue();
        jobs.undo();
        assertThat(jobs.isEdited()).isTrue();
    }

    @Test
    void aNewJobClearsTheRedoStack() {
        jobs.push(new SwapDirectorPrioritiesJob(document, "lb-a", "lb-b"));
        jobs.undo();
        assertThat(jobs.canRedo()).isTrue();

        jobs.push(new RemoveVirtualServiceJob(document, API));

        assertThat(jobs.canRedo()).isFalse();
        assertThat(jobs.undoDescription()).hasValue("Remove virtual service api");
    }

    @Test
    void reloadDropsTheHistoryAndTakesTheOtherSpec() {
        jobs.push(new RemoveVirtualServiceJob(document, API));
        ClusterSpec theirs = Specs.haPair().withRevision(99);

        jobs.reload(theirs);

        assertThat(document.spec()).isSameAs(theirs);
        assertThat(jobs.history()).isEmpty();
        assertThat(jobs.isEdited()).isFalse();
    }

    private VirtualService service(ServiceKey key) {
        return document.spec().virtualServices().get(SpecEdits.serviceIndex(document.spec(), key));
    }
}
