package io.ballast.agent.dataplane.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.model.ForwardingMethod;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.ServiceKey;
import io.ballast.model.SorryServer;
import io.ballast.model.VirtualService;
import io.ballast.model.api.Capabilities;
import io.ballast.model.plan.AddService;
import io.ballast.model.plan.Planner;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlanTranslatorTest {

    private static final VirtualService WEB = new VirtualService(null, Protocol.TCP, "203.0.113.10", 80, null, null,
            Scheduler.WRR, Set.of(), null, ForwardingMethod.NAT, new SorryServer("198.51.100.200", 8080), null,
            List.of(RealServer.of("a", "198.51.100.1", 80, 1)));

    private static List<String> lines(Map<ServiceKey, VirtualService> table, List<VirtualService> target) {
        List<VirtualService> from = List.copyOf(table.values());
        return new PlanTranslator(table, null).translate(Planner.between(from, target).operations()).stream()
                .flatMap(step -> step.commands().stream()).map(IpvsadmCommandBuilder::restoreLine)
                .collect(Collectors.toList());
    }

    @Test
    void newServiceComesWithItsDestinationsServiceFirst() {
        assertThat(lines(Map.of(), List.of(WEB))).containsExactly(
                "-A -t 203.0.113.10:80 -s wrr",
                "-a -t 203.0.113.10:80 -r 198.51.100.1:80 -m -w 1");
    }

    @Test
    void sorryServerEntersBeforeTheLastRealServerLeaves() {
        assertThat(lines(Map.of(WEB.key(), WEB), List.of(WEB.withRealServers(List.of())))).containsExactly(
                "-a -t 203.0.113.10:80 -r 198.51.100.200:8080 -m -w 1",
                "-d -t 203.0.113.10:80 -r 198.51.100.1:80");
    }

    @Test
    void sorryServerLeavesAfterARealServerIsBack() {
        VirtualService empty = WEB.withRealServers(List.of());
        assertThat(lines(Map.of(empty.key(), empty), List.of(WEB))).containsExactly(
                "-a -t 203.0.113.10:80 -r 198.51.100.1:80 -m -w 1",
                "-d -t 203.0.113.10:80 -r 198.51.100.200:8080");
    }

    @Test
    void weightZeroOnTheLastLiveServerBringsTheSorryServerIn() {
        VirtualService drained = WEB.withRealServers(List.of(RealServer.of("a", "198.51.100.1", 80, 0)));
        assertThat(lines(Map.of(WEB.key(), WEB), List.of(drained))).containsExactly(
                "-a -t 203.0.113.10:80 -r 198.51.100.200:8080 -m -w 1",
                "-e -t 203.0.113.10:80 -r 198.51.100.1:80 -m -w 0 -x 0 -y 0");
    }

    @Test
    void weightChangeIsOneDestinationEdit() {
        VirtualService heavier = WEB.withRealServers(List.of(RealServer.of("a", "198.51.100.1", 80, 5)));
        assertThat(lines(Map.of(WEB.key(), WEB), List.of(heavier)))
                .containsExactly("-e -t 203.0.113.10:80 -r 198.51.100.1:80 -m -w 5 -x 0 -y 0");
    }

    @Test
    void labelChangeAloneRunsNoCommand() {
        VirtualService renamed = WEB.withRealServers(List.of(RealServer.of("renamed", "198.51.100.1", 80, 1)));
        assertThat(lines(Map.of(WEB.key(), WEB), List.of(renamed))).isEmpty();
    }

    @Test
    void schedulerTheKernelLacksIsRefusedBeforeAnyCommand() {
        Capabilities noTwos = new Capabilities("ipvs", false, EnumSet.complementOf(EnumSet.of(Scheduler.TWOS)),
                EnumSet.allOf(ForwardingMethod.class), EnumSet.allOf(Protocol.class), true, true, true, true, "");
        VirtualService twos = IpvsTables.tcp("203.0.113.10", 80, Scheduler.TWOS, ForwardingMethod.NAT, List.of());
        PlanTranslator translator = new PlanTranslator(Map.of(), new IpvsSpecCheck(noTwos, "6.1.0-56-amd64"));

        assertThatThrownBy(() -> translator.translate(List.of(new AddService(twos))))
                .hasMessageContaining("the ipvs plane cannot run tcp/203.0.113.10:80")
                .hasMessageContaining("kernel 6.1.0-56-amd64 has no scheduler 'twos'");
    }

    @Test
    void directRoutingToAnotherPortIsRefused() {
        VirtualService dr = IpvsTables.tcp("203.0.113.10", 80, Scheduler.RR, ForwardingMethod.DR,
                List.of(RealServer.of("a", "198.51.100.1", 8080, 1)));
        Capabilities all = new Capabilities("ipvs", false, EnumSet.allOf(Scheduler.class),
                EnumSet.allOf(ForwardingMethod.class), EnumSet.allOf(Protocol.class), true, true, true, true, "");
        PlanTranslator translator = new PlanTranslator(Map.of(), new IpvsSpecCheck(all, "6.1"));

        assertThatThrownBy(() -> translator.translate(List.of(new AddService(dr))))
                .hasMessageContaining("198.51.100.1:8080 uses dr forwarding").hasMessageContaining("port 80");
    }

    @Test
    void aNewServiceStepWritesTheLinesOfItsCommandsSorryServerLast() {
        // everyFeature has a NAT service whose only server is drained; this one is DR with two drained.
        List<VirtualService> services = new ArrayList<>(IpvsTables.everyFeature(EnumSet.allOf(Scheduler.class)));
        services.add(new VirtualService(null, Protocol.TCP, "203.0.113.99", 80, null, null, Scheduler.WRR, Set.of(),
                null, ForwardingMethod.DR, new SorryServer("198.51.100.200", 80), null,
                List.of(RealServer.of("a", "198.51.100.1", 80, 0), RealServer.of("b", "198.51.100.2", 80, 0))));

        List<PlanTranslator.Step> steps = new PlanTranslator(Map.of(), null)
                .translate(Planner.between(List.of(), services).operations());

        for (PlanTranslator.Step step : steps) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            RestoreBatch out = new RestoreBatch(bytes);
            step.writeTo(out);
            out.close();
            String expected = step.commands().stream().map(c -> IpvsadmCommandBuilder.restoreLine(c) + "\n")
                    .collect(Collectors.joining());
            assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
            assertThat(step.size()).isEqualTo(step.commands().size());
        }
        assertThat(steps.get(steps.size() - 1).commands()).last()
                .isEqualTo(List.of("-a", "-t", "203.0.113.99:80", "-r", "198.51.100.200:80", "-g", "-w", "1"));
    }

    @Test
    void aRefusedServiceAfterFortyGoodOnesFailsTheWholeTranslation() {
        Capabilities noTwos = new Capabilities("ipvs", false, EnumSet.complementOf(EnumSet.of(Scheduler.TWOS)),
                EnumSet.allOf(ForwardingMethod.class), EnumSet.allOf(Protocol.class), true, true, true, true, "");
        List<VirtualService> services = new ArrayList<>(IpvsBenchData.table(40, 400));
        services.add(IpvsTables.tcp("203.0.113.250", 80, Scheduler.TWOS, ForwardingMethod.NAT, List.of()));
        PlanTranslator translator = new PlanTranslator(Map.of(), new IpvsSpecCheck(noTwos, "6.1.0-56-amd64"));

        assertThatThrownBy(() -> translator.translate(Planner.between(List.of(), services).operations()))
                .hasMessageContaining("has no scheduler 'twos'");
    }
}
