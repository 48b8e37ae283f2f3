package io.ballast.agent.dataplane.nftables;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.AdminState;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.Persistence;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NftRulesetRendererTest {

    private final NftRulesetRenderer renderer = new NftRulesetRenderer("ballast", true, 1024);

    private static InstalledService web(Scheduler scheduler, Persistence persistence, RealServer... servers) {
        VirtualService service = new VirtualService("web", Protocol.TCP, "203.0.113.10", 80, null, null, scheduler,
                Set.of(), persistence, ForwardingMethod.NAT, null, null, List.of(servers));
        List<Integer> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < servers.length; i++) {
            numbers.add(i);
        }
        return new InstalledService(1, service, numbers);
    }

    private static RealServer rs(int i, int weight) {
        return RealServer.of("rs" + i, "198.51.100." + (10 + i), 80, weight);
    }

    @Test
    void wholeTableReplacesTheOldOneInOneScriptAndTouchesNoOtherTable() {
        String script = renderer.replaceTable(List.of(web(Scheduler.RR, null, rs(1, 1), rs(2, 1))), Map.of());

        assertThat(script).startsWith("add table inet ballast\ndelete table inet ballast\n");
        assertThat(script.lines()).allSatisfy(line -> assertThat(line).contains(" inet ballast"));
        assertThat(script).contains("add element inet ballast svc4 { 203.0.113.10 . tcp . 80 : jump vs1 }")
                .contains("numgen inc mod 2 vmap { 0 : jump vs1r0, 1 : jump vs1r1 }")
                .contains("meta l4proto tcp dnat ip to 198.51.100.11:80")
                .contains("ct status dnat ct original ip daddr @vip4 masquerade");
    }

    @Test
    void carriedCounterValuesAreDeclaredWithTheTable() {
        String script = renderer.replaceTable(List.of(web(Scheduler.RR, null, rs(1, 1))),
                Map.of("vs1", new NftRulesetRenderer.CounterValue(12, 720)));

        assertThat(script).contains("add counter inet ballast vs1 { packets 12 bytes 720 ; }");
    }

    @Test
    void weightChangeRewritesOnlyItsServiceAndKeepsItsCounters() {
        InstalledService before = web(Scheduler.WRR, null, rs(1, 1), rs(2, 1));
        InstalledService after = web(Scheduler.WRR, null, rs(1, 3), rs(2, 1));

        String script = renderer.change(List.of(before), List.of(after));

        assertThat(script).doesNotContain("delete counter").doesNotContain("delete table")
                .contains("numgen inc mod 4 vmap { 0 : jump vs1r0, 1 : jump vs1r0, 2 : jump vs1r0, 3 : jump vs1r1 }")
                .doesNotContain("add element inet ballast vip4");
    }

    @Test
    void drainedServerKeepsItsChainButGetsNoSlot() {
        RealServer drained = rs(2, 5).withState(AdminState.DRAIN);

        String script = renderer.change(List.of(), List.of(web(Scheduler.WRR, null, rs(1, 1), drained, rs(3, 1))));

        assertThat(script).contains("add chain inet ballast vs1r1")
                .contains("numgen inc mod 2 vmap { 0 : jump vs1r0, 1 : jump vs1r2 }");
    }

    @Test
    void persistenceChecksEachServersSetBeforeScheduling() {
        String script = renderer.change(List.of(),
                List.of(web(Scheduler.RR, new Persistence(300, "255.255.255.0"), rs(1, 1), rs(2, 1))));

        assertThat(script).contains("add set inet ballast vs1r0p { type ipv4_addr ; flags dynamic,timeout ; timeout 300s ; }")
                .contains("add rule inet ballast vs1 ip saddr and 255.255.255.0 @vs1r0p jump vs1r0")
                .contains("add rule inet ballast vs1r0 update @vs1r0p { ip saddr and 255.255.255.0 }");
    }

    @Test
    void removedServiceTakesAllItsObjectsAndItsVipWithIt() {
        String script = renderer.change(List.of(web(Scheduler.RR, null, rs(1, 1))), List.of());

        assertThat(script).contains("delete element inet ballast svc4 { 203.0.113.10 . tcp . 80 }")
                .contains("delete chain inet ballast vs1r0").contains("delete counter inet ballast vs1r0")
                .contains("delete chain inet ballast vs1\n").contains("delete element inet ballast vip4 { 203.0.113.10 }");
    }

    @Test
    void unchangedTableRendersNothing() {
        InstalledService same = web(Scheduler.RR, null, rs(1, 1));

        assertThat(renderer.change(List.of(same), List.of(same))).isEmpty();
    }

    @Test
    void sourceHashUsesAFixedSeedSoEveryDirectorAgrees() {
        String script = renderer.change(List.of(), List.of(web(Scheduler.SH, null, rs(1, 1), rs(2, 1))));

        assertThat(script).contains("jhash ip saddr mod 2 seed " + ServiceDispatch.SEED + " vmap");
    }
}
