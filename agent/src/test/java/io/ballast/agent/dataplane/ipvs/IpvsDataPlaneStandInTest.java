package io.ballast.agent.dataplane.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.SorryServer;
import io.ballast.model.VirtualService;
import io.ballast.model.plan.Operation;
import io.ballast.model.plan.Plan;
import io.ballast.model.plan.Planner;
import io.ballast.model.plan.RemoveService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plane's apply against a stand-in ipvsadm: what a large plan sends (the same lines the command
 * layer gives as arguments, in plan order, in one batch), that a refused plan runs nothing, and when the
 * record file is written. The kernel's side of the same applies is IpvsPlaneInQemuTest's.
 */
class IpvsDataPlaneStandInTest {

    private static final EnumSet<Scheduler> DEBIAN_6_1 = EnumSet.complementOf(EnumSet.of(Scheduler.TWOS));

    @TempDir
    Path dir;

    private static List<String> argumentLines(Plan plan) {
        List<String> lines = new ArrayList<>();
        for (PlanTranslator.Step step : new PlanTranslator(java.util.Map.of(), null).translate(plan.operations())) {
            for (List<String> command : step.commands()) {
                lines.add(IpvsadmCommandBuilder.restoreLine(command));
            }
        }
        return lines;
    }

    private static List<VirtualService> largeTable() {
        List<VirtualService> table = new ArrayList<>(IpvsTables.everyFeature(DEBIAN_6_1));
        table.addAll(IpvsBenchData.table(40, 600));
        return table;
    }

    @Test
    void aLargePlanGoesAsOneBatchOfTheCommandLayersLinesInPlanOrder() throws Exception {
        StandInIpvsadm ipvsadm = new StandInIpvsadm(dir, DEBIAN_6_1, false);
        IpvsDataPlane plane = ipvsadm.plane(dir.resolve("state"));
        Plan plan = Planner.between(plane.readTable(), largeTable());

        plane.apply(plan);

        assertThat(ipvsadm.calls()).filteredOn(call -> !call.startsWith("-L")).containsExactly("-R");
        assertThat(ipvsadm.batchLines()).hasSizeGreaterThan(600).containsExactlyElementsOf(argumentLines(plan));
    }

    @Test
    void aPlanRefusedAtItsLastServiceRunsNoIpvsadmAndWritesNoRecord() throws Exception {
        StandInIpvsadm ipvsadm = new StandInIpvsadm(dir, DEBIAN_6_1, false);
        IpvsDataPlane plane = ipvsadm.plane(dir.resolve("state"));
        List<VirtualService> table = largeTable();
        table.add(IpvsTables.tcp("203.0.113.250", 80, Scheduler.TWOS, ForwardingMethod.NAT,
                List.of(RealServer.of("named", "198.51.100.9", 80, 1))));
        Plan plan = Planner.between(plane.readTable(), table);

        assertThatThrownBy(() -> plane.apply(plan)).isInstanceOf(DataPlaneException.class)
                .hasMessageContaining("has no scheduler 'twos'").hasMessageEndingWith("nothing was changed");
        assertThat(ipvsadm.calls()).allMatch(call -> call.startsWith("-L"));
        assertThat(ipvsadm.batchLines()).isEmpty();
        assertThat(dir.resolve("state").resolve(TableRecord.FILE_NAME)).doesNotExist();
        assertThat(plane.readTable()).isEmpty();
    }

    @Test
    void plainServicesLeaveTheRecordAloneAndALabelledOneIsRecordedUntilRemoved() throws Exception {
        StandInIpvsadm ipvsadm = new StandInIpvsadm(dir, DEBIAN_6_1, false);
        Path state = dir.resolve("state");
        Path file = state.resolve(TableRecord.FILE_NAME);
        IpvsDataPlane plane = ipvsadm.plane(state);
        List<VirtualService> plain = IpvsBenchData.table(40, 600);

        plane.apply(Planner.between(plane.readTable(), plain));
        assertThat(file).doesNotExist();

        VirtualService labelled = new VirtualService(null, io.ballast.model.Protocol.TCP, "203.0.113.240", 80, null,
                null, Scheduler.WRR, java.util.Set.of(), null, ForwardingMethod.NAT,
                new SorryServer("198.51.100.200", 80), null, List.of(RealServer.of("web-1", "198.51.100.9", 80, 1)));
        List<VirtualService> withLabel = new ArrayList<>(plain);
        withLabel.add(labelled);
        plane.apply(Planner.between(plain, withLabel));
        assertThat(new TableRecord(state).load()).containsOnlyKeys(labelled.key());

        plane.apply(new Plan(List.<Operation>of(new RemoveService(labelled))));
        assertThat(file).exists();
        assertThat(new TableRecord(state).load()).isEmpty();
    }

    @Test
    void aDamagedOrStaleRecordIsRewrittenByTheNextApply() throws Exception {
        StandInIpvsadm ipvsadm = new StandInIpvsadm(dir, DEBIAN_6_1, false);
        Path state = Files.createDirectories(dir.resolve("state"));
        Path file = state.resolve(TableRecord.FILE_NAME);
        Files.writeString(file, "{ not json");
        IpvsDataPlane damaged = ipvsadm.plane(state);
        damaged.apply(Planner.between(damaged.readTable(), IpvsBenchData.table(2, 20)));
        TableRecord reread = new TableRecord(state);
        assertThat(reread.load()).isEmpty();
        assertThat(reread.damaged()).isFalse();

        // An entry of a service the kernel does not hold (a crash between the batch and the record).
        VirtualService gone = IpvsTables.tcp("203.0.113.241", 80, Scheduler.RR, ForwardingMethod.DR,
                List.of(RealServer.of("old", "198.51.100.9", 80, 1)));
        new TableRecord(state).save(List.of(gone));
        IpvsDataPlane stale = ipvsadm.plane(state);
        stale.apply(Planner.between(stale.readTable(), IpvsBenchData.table(2, 20)));
        assertThat(new TableRecord(state).load()).isEmpty();
    }
}
