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

    private final NftRulesetRenderer renderer = new NftRulesetRenderer("ballast", SourceNat.MASQUERADE, 1024);

    private static InstalledService web(Scheduler scheduler, Persistence persistence, RealServer... servers) {
        VirtualService service = new VirtualService("web", Protocol.TCP, "203.0.113.10", 80, null, null, scheduler,
                Set.of(), persistence, ForwardingMethod.NAT, null, null, List.of(servers));
        return new InstalledService(1, service);
    }

    private static RealServer rs(int i, int weight) {
        return RealServer.of("rs" + i, "198.51.100." + (10 + i), 80, weight);
    }

    @Test
    void wholeTableReplacesTheOldOneInOneScriptAndTouchesNoOtherTable() {
        String script = renderer.replaceTable(List.of(web(Scheduler.RR, null, rs(1, 1), rs(2, 1))), Map.of(), 7);

        assertThat(script).startsWith("add table inet ballast\ndelete table inet ballast\nadd table inet ballast\n");
        assertThat(script.lines()).allSatisfy(line -> assertThat(line).contains(" inet ballast"));
        assertThat(script).contains("add element inet ballast epoch { 7 }\n");
        assertThat(script).contains("add element inet ballast svc4 { 203.0.113.10 . tcp . 80 : jump vs1 }")
                .contains("meta l4proto tcp dnat ip addr . port to numgen inc mod 2 offset 65536 map @slotst4_1")
                .contains("add element inet ballast slotst4_1 { 65536 : 198.51.100.11 . 80, 65537 : 198.51.100.12 . 80 }")
                .contains("add element inet ballast rsc4 { 203.0.113.10 . tcp . 198.51.100.11 . 80 }")
                .contains("ct status dnat ct original ip daddr @vip4 masquerade");
    }

    @Test
    void carriedCounterValuesAreDeclaredWithTheTable() {
        String script = renderer.replaceTable(List.of(web(Scheduler.RR, null, rs(1, 1))),
                Map.of("rsc4 203.0.113.10 . tcp . 198.51.100.11 . 80", new NftRulesetRenderer.CounterValue(12, 720),
                        "rso4 203.0.113.10 . tcp . 198.51.100.11 . 80", new NftRulesetRenderer.CounterValue(30, 9000)), 7);

        assertThat(script).contains(
                "add element inet ballast rsc4 { 203.0.113.10 . tcp . 198.51.100.11 . 80 counter packets 12 bytes 720 }")
                .contains("add element inet ballast rso4 { 203.0.113.10 . tcp . 198.51.100.11 . 80 counter packets 30 bytes 9000 }")
                .contains("add element inet ballast rsi4 { 203.0.113.10 . tcp . 198.51.100.11 . 80 }");
    }

    @Test
    void weightChangeRewritesOnlyItsServiceAndTheSlotsThatChangedAndKeepsItsCounters() {
        InstalledService before = web(Scheduler.WRR, null, rs(1, 1), rs(2, 1));
        InstalledService after = web(Scheduler.WRR, null, rs(1, 3), rs(2, 1));

        String script = renderer.change(List.of(before), List.of(after));

        // slots 0,1 were rs1,rs2; now rs1,rs1,rs1,rs2: slot 0 stays, 1 changes, 2 and 3 are new.
        assertThat(script).doesNotContain("rsc4").doesNotContain("add chain").doesNotContain("65536 :")
                .contains("flush chain inet ballast vs1\n")
                .contains("numgen inc mod 4 offset 65536 map @slotst4_1")
                .contains("delete element inet ballast slotst4_1 { 65537 }\n")
                .contains("add element inet ballast slotst4_1 { 65537 : 198.51.100.11 . 80,"
                        + " 65538 : 198.51.100.11 . 80, 65539 : 198.51.100.12 . 80 }");
        assertThat(script.indexOf("delete element")).isLessThan(script.indexOf("add element"));
    }

    @Test
    void fewerSlotsDeleteTheSlotsPastTheEndOfTheRange() {
        InstalledService before = web(Scheduler.WRR, null, rs(1, 3), rs(2, 1));
        InstalledService after = web(Scheduler.WRR, null, rs(1, 1), rs(2, 1));

        String script = renderer.change(List.of(before), List.of(after));

        assertThat(script).contains("numgen inc mod 2 offset 65536 map @slotst4_1")
                .contains("delete element inet ballast slotst4_1 { 65537, 65538, 65539 }")
                .contains("add element inet ballast slotst4_1 { 65537 : 198.51.100.12 . 80 }");
    }

    @Test
    void eachServiceOwnsItsOwnRangeOfTheSharedSlotMap() {
        InstalledService seventh = new InstalledService(7, web(Scheduler.RR, null, rs(1, 1), rs(2, 1)).service());

        String script = renderer.change(List.of(), List.of(seventh));

        assertThat(script).contains("numgen inc mod 2 offset 458752 map @slotst4_7")
                .contains("add element inet ballast slotst4_7 { 458752 : 198.51.100.11 . 80, 458753 : 198.51.100.12 . 80 }");
        // The map is made when first needed, before the rule that names it.
        assertThat(script.indexOf("add map inet ballast slotst4_7 { typeof numgen inc mod 2 : ip daddr . tcp dport ; }"))
                .isNotNegative().isLessThan(script.indexOf("map @slotst4_7"));
        assertThat(SlotMaps.name("slotst4", 64 + 7)).isEqualTo("slotst4_7");
        assertThat(SlotMaps.base(65536 + 7)).isEqualTo(SlotMaps.base(7));
        assertThat(SlotMaps.base(65535)).isEqualTo(0xffff0000L);
    }

    @Test
    void drainedServerKeepsItsRecordAndCounterButGetsNoSlot() {
        RealServer drained = rs(2, 5).withState(AdminState.DRAIN);

        String script = renderer.change(List.of(), List.of(web(Scheduler.WRR, null, rs(1, 1), drained, rs(3, 1))));

        assertThat(script).contains("198.51.100.12:80 w=5 st=D")
                .contains("add element inet ballast rsc4 { 203.0.113.10 . tcp . 198.51.100.12 . 80 }")
                .contains("numgen inc mod 2 offset 65536 map @slotst4_1")
                .contains("add element inet ballast slotst4_1 { 65536 : 198.51.100.11 . 80, 65537 : 198.51.100.13 . 80 }");
    }

    @Test
    void persistenceLooksTheClientUpBeforeSchedulingAndRecordsTheChoiceAfterNat() {
        String script = renderer.change(List.of(),
                List.of(web(Scheduler.RR, new Persistence(300, "255.255.255.0"), rs(1, 1), rs(2, 1))));

        assertThat(script).contains("add map inet ballast vs1p { type ipv4_addr : ipv4_addr . inet_service ;"
                        + " flags dynamic,timeout ; timeout 300s ; }")
                .contains("add rule inet ballast vs1 meta l4proto tcp dnat ip addr . port to ip saddr and 255.255.255.0 map @vs1p")
                .contains("add rule inet ballast vs1u update @vs1p { ip saddr and 255.255.255.0 : ip daddr . th dport }")
                .contains("add element inet ballast pst4 { 203.0.113.10 . tcp . 198.51.100.11 . 80 : jump vs1u }");
        assertThat(script.indexOf("add chain inet ballast vs1u")).isLessThan(script.indexOf("jump vs1u }"));
    }

    @Test
    void removedServiceTakesAllItsObjectsAndItsVipWithIt() {
        String script = renderer.change(List.of(web(Scheduler.RR, null, rs(1, 1))), List.of());

        assertThat(script).contains("delete element inet ballast svc4 { 203.0.113.10 . tcp . 80 }")
                .contains("delete chain inet ballast vs1\n").doesNotContain("vs1rec")
                .contains("delete element inet ballast rsc4 { 203.0.113.10 . tcp . 198.51.100.11 . 80 }")
                .contains("delete element inet ballast vip4 { 203.0.113.10 }");
    }

    @Test
    void markServiceForBothProtocolsDispatchesEachThroughItsOwnProtocolsSlotMap() {
        InstalledService marked = new InstalledService(2, new VirtualService("m", null, null, 0, 7, "inet", Scheduler.RR,
                Set.of(), null, ForwardingMethod.NAT, null, null, List.of(rs(1, 1), rs(2, 1))));

        String script = renderer.change(List.of(), List.of(marked));

        assertThat(script).contains("meta l4proto tcp dnat ip addr . port to numgen inc mod 2 offset 131072 map @slotst4_2")
                .contains("meta l4proto udp dnat ip addr . port to numgen inc mod 2 offset 131072 map @slotsu4_2")
                .contains("add element inet ballast slotst4_2 { 131072 : 198.51.100.11 . 80, 131073 : 198.51.100.12 . 80 }")
                .contains("add element inet ballast slotsu4_2 { 131072 : 198.51.100.11 . 80, 131073 : 198.51.100.12 . 80 }");
    }

    @Test
    void firewallMarksAboveTwoToTheThirtyFirstAreWrittenUnsigned() {
        InstalledService marked = new InstalledService(2, new VirtualService("m", null, null, 0, (int) 4_294_967_295L,
                "inet", Scheduler.RR, Set.of(), null, ForwardingMethod.NAT, null, null, List.of(rs(1, 1))));

        String script = renderer.change(List.of(), List.of(marked));

        assertThat(script).contains("4294967295").doesNotContain("-1 ").doesNotContain("mark -");
        assertThat(NftRulesetRenderer.counterKey(marked.service(), "198.51.100.11", 80))
                .isEqualTo("4294967295 . 198.51.100.11");
    }

    @Test
    void removedServiceTakesItsSlotsWithIt() {
        String script = renderer.change(List.of(web(Scheduler.RR, null, rs(1, 1), rs(2, 1))), List.of());

        assertThat(script).contains("delete element inet ballast slotst4_1 { 65536, 65537 }").doesNotContain("add element");
    }

    @Test
    void everyServerGetsAPacketAndByteCounterForEachDirection() {
        String script = renderer.change(List.of(), List.of(web(Scheduler.RR, null, rs(1, 1))));

        assertThat(script).contains("add element inet ballast rsi4 { 203.0.113.10 . tcp . 198.51.100.11 . 80 }")
                .contains("add element inet ballast rso4 { 203.0.113.10 . tcp . 198.51.100.11 . 80 }");
        assertThat(renderer.replaceTable(List.of(), Map.of(), 7))
                .contains("add chain inet ballast forward { type filter hook forward priority filter ; policy accept ; }")
                .contains("add rule inet ballast forward ct status dnat meta nfproto . ct direction vmap {"
                        + " ipv4 . original : jump fwd4o, ipv4 . reply : jump fwd4r,")
                .contains("add rule inet ballast fwd4r ct original ip daddr . meta l4proto . ip saddr . th sport @rso4")
                .contains("add rule inet ballast fwd4o ct original ip daddr . meta l4proto . ip daddr . th dport @rsi4");
    }

    @Test
    void forwardedPacketsPassOneRuleBeforeTheChainOfTheirFamilyAndDirection() {
        String script = renderer.replaceTable(List.of(), Map.of(), 7);

        assertThat(script.lines().filter(line -> line.startsWith("add rule inet ballast forward "))).hasSize(1);
        assertThat(script.indexOf("add chain inet ballast fwd6r")).isNotNegative()
                .isLessThan(script.indexOf("add rule inet ballast forward "));
    }

    @Test
    void recordsAreElementsOfTheRecordSetNotRules() {
        String script = renderer.change(List.of(), List.of(web(Scheduler.WRR, null, rs(1, 3), rs(2, 1))));

        assertThat(script).contains("add element inet ballast rec { 131071 comment \"ballast/1 k=tcp/203.0.113.10:80 s=wrr"
                        + " fw=nat\", 65536 comment \"198.51.100.11:80 w=3 st=A")
                .contains(", 65537 comment \"name=rs1\", 65538 comment \"198.51.100.12:80 w=1 st=A");
        assertThat(script.lines().filter(line -> line.startsWith("add rule inet ballast vs1 ")))
                .allSatisfy(rule -> assertThat(rule).contains("dnat").doesNotContain("comment"));
    }

    @Test
    void weightChangeThatKeepsTheRulesChangesElementsOnly() {
        // rr ignores weights and mh keeps its table size: only records (and mh's moved slots) change.
        for (Scheduler scheduler : List.of(Scheduler.RR, Scheduler.MH)) {
            InstalledService before = web(scheduler, null, rs(1, 1), rs(2, 1), rs(3, 1));
            InstalledService after = web(scheduler, null, rs(1, 1), rs(2, 4), rs(3, 1));

            String script = renderer.change(List.of(before), List.of(after));

            assertThat(script.lines()).allSatisfy(line -> assertThat(line).matches("(add|delete) element .*"));
            assertThat(script).contains("delete element inet ballast rec { 65538 }\n")
                    .contains("add element inet ballast rec { 65538 comment \"198.51.100.12:80 w=4 st=A")
                    .doesNotContain("rsc4").doesNotContain("svc4");
        }
    }

    @Test
    void drainOfAServerOtherThanTheFirstLeavesTheRulesOfAHashedServiceAlone() {
        InstalledService before = web(Scheduler.MH, null, rs(1, 1), rs(2, 1), rs(3, 1));
        InstalledService after = web(Scheduler.MH, null, rs(1, 1), rs(2, 1).withState(AdminState.DRAIN), rs(3, 1));

        String script = renderer.change(List.of(before), List.of(after));

        assertThat(script).doesNotContain("flush chain").doesNotContain("add rule")
                .contains("delete element inet ballast slotst4_1 {").contains("198.51.100.12:80 w=1 st=D");
        assertThat(script).doesNotContain(": 198.51.100.12 . 80"); // no slot is given to the drained server
    }

    @Test
    void unchangedTableRendersNothing() {
        InstalledService same = web(Scheduler.RR, null, rs(1, 1));

        assertThat(renderer.change(List.of(same), List.of(same))).isEmpty();
    }

    @Test
    void sourceHashUsesAFixedSeedSoEveryDirectorAgrees() {
        String script = renderer.change(List.of(), List.of(web(Scheduler.SH, null, rs(1, 1), rs(2, 1))));

        assertThat(script).contains("jhash ip saddr mod 2 seed " + ServiceDispatch.SEED + " offset 65536 map @slotst4_1");
    }

    @Test
    void removingAServerOfAPersistentServiceForgetsItsClients() {
        Persistence sticky = new Persistence(300, null);
        InstalledService before = web(Scheduler.RR, sticky, rs(1, 1), rs(2, 1));

        assertThat(renderer.change(List.of(before), List.of(web(Scheduler.RR, sticky, rs(1, 1)))))
                .contains("flush map inet ballast vs1p");
        assertThat(renderer.change(List.of(before), List.of(web(Scheduler.RR, sticky, rs(1, 5), rs(2, 1)))))
                .doesNotContain("flush map");
    }

    @Test
    void removingAServiceKeepsTheVipAndCountersThatAnotherServiceOnTheSameVipStillUses() {
        InstalledService web = web(Scheduler.RR, null, rs(1, 1), rs(2, 1));
        InstalledService alt = new InstalledService(2, new VirtualService("alt", Protocol.TCP, "203.0.113.10", 81, null,
                null, Scheduler.RR, Set.of(), null, ForwardingMethod.NAT, null, null, List.of(rs(1, 1))));
        InstalledService other = new InstalledService(3, new VirtualService("other", Protocol.TCP, "203.0.113.20", 80,
                null, null, Scheduler.RR, Set.of(), null, ForwardingMethod.NAT, null, null, List.of(rs(3, 1))));

        String script = renderer.change(List.of(web, alt, other), List.of(web, other));

        assertThat(script).contains("delete chain inet ballast vs2\n")
                .doesNotContain("delete element inet ballast vip4")
                .doesNotContain("delete element inet ballast rsc4")
                .doesNotContain("vs1").doesNotContain("vs3");
        assertThat(renderer.change(List.of(web, other), List.of(other)))
                .contains("delete element inet ballast vip4 { 203.0.113.10 }")
                .contains("delete element inet ballast rsc4 { 203.0.113.10 . tcp . 198.51.100.11 . 80 }")
                .doesNotContain("203.0.113.20");
    }
}
