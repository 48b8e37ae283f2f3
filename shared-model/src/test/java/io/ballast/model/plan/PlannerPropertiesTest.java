package io.ballast.model.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.AdminState;
import io.ballast.model.Persistence;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.VirtualService;
import io.ballast.model.generators.SpecArbitraries;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;

/** What every plan must do, whatever the tables: reach its target, touch only what changed, edit in place. */
@PropertyDefaults(tries = 250, edgeCases = EdgeCasesMode.NONE)
class PlannerPropertiesTest {

    @Provide
    Arbitrary<List<VirtualService>> tables() {
        return SpecArbitraries.tables();
    }

    @Provide
    Arbitrary<List<VirtualService>> nonEmptyTables() {
        return SpecArbitraries.tables().filter(table -> !table.isEmpty());
    }

    @Property
    void applyingThePlanToItsSourceGivesItsTarget(@ForAll("tables") List<VirtualService> from,
                                                   @ForAll("tables") List<VirtualService> to) {
        List<VirtualService> result = PlanApplier.apply(Planner.between(from, to), from);

        assertThat(TableOrder.normalized(result)).isEqualTo(TableOrder.normalized(to));
    }

    @Property
    void planFromATableToItselfIsEmpty(@ForAll("tables") List<VirtualService> table) {
        assertThat(Planner.between(table, table).operations()).isEmpty();
    }

    @Property
    void planIgnoresTheOrderOfServicesAndRealServers(@ForAll("tables") List<VirtualService> table) {
        List<VirtualService> shuffled = new ArrayList<>();
        for (VirtualService service : table) {
            List<RealServer> servers = new ArrayList<>(service.realServers());
            Collections.reverse(servers);
            shuffled.add(0, service.withRealServers(servers));
        }

        assertThat(Planner.between(table, shuffled).operations()).isEmpty();
    }

    @Property
    void nothingIsRemovedBeforeEveryAdditionIsIn(@ForAll("tables") List<VirtualService> from,
                                                 @ForAll("tables") List<VirtualService> to) {
        List<Operation> ops = Planner.between(from, to).operations();
        int lastAddition = -1;
        int firstRemoval = ops.size();
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            if (op instanceof AddService || op instanceof AddRealServer) {
                lastAddition = i;
            }
            if ((op instanceof RemoveService || op instanceof RemoveRealServer) && i < firstRemoval) {
                firstRemoval = i;
            }
        }
        assertThat(lastAddition).isLessThan(firstRemoval);
    }

    @Property
    void changingKRealServersGivesExactlyKOperations(@ForAll("tables") List<VirtualService> from,
                                                     @ForAll Random random) {
        List<int[]> positions = new ArrayList<>();
        for (int s = 0; s < from.size(); s++) {
            for (int r = 0; r < from.get(s).realServers().size(); r++) {
                positions.add(new int[] {s, r});
            }
        }
        Collections.shuffle(positions, random);
        int k = positions.isEmpty() ? 0 : random.nextInt(positions.size() + 1);
        List<List<RealServer>> servers = new ArrayList<>();
        from.forEach(service -> servers.add(new ArrayList<>(service.realServers())));
        List<int[]> chosen = new ArrayList<>(positions.subList(0, k));
        // Removing shifts indexes: change from the back of each service's list to the front.
        chosen.sort(Comparator.<int[]>comparingInt(p -> p[0]).thenComparing(p -> -p[1]));
        for (int[] at : chosen) {
            List<RealServer> list = servers.get(at[0]);
            RealServer server = list.get(at[1]);
            switch (random.nextInt(3)) {
                case 0 -> list.set(at[1], server.withWeight((server.weight() + 1) % 65536));
                case 1 -> list.set(at[1], server.withState(server.state() == AdminState.DRAIN
                        ? AdminState.ACTIVE : AdminState.DRAIN));
                default -> list.remove(at[1]);
            }
        }
        List<VirtualService> to = new ArrayList<>();
        for (int s = 0; s < from.size(); s++) {
            to.add(from.get(s).withRealServers(servers.get(s)));
        }

        Plan plan = Planner.between(from, to);

        assertThat(plan.size()).isEqualTo(k);
        assertThat(plan.operations()).allMatch(op -> op instanceof EditRealServer || op instanceof RemoveRealServer);
    }

    @Property
    void addingKRealServersGivesExactlyKAdditions(@ForAll("nonEmptyTables") List<VirtualService> from,
                                                  @ForAll Random random) {
        int k = 1 + random.nextInt(5);
        List<VirtualService> to = new ArrayList<>(from);
        for (int i = 0; i < k; i++) {
            int s = random.nextInt(to.size());
            VirtualService service = to.get(s);
            List<RealServer> servers = new ArrayList<>(service.realServers());
            // Fresh addresses outside the generator's pools, so the new server is new to the service.
            String address = service.isIpv6() ? "2001:db8:2::" + Integer.toHexString(100 + i) : "198.51.100." + (100 + i);
            servers.add(RealServer.of("new-" + i, address, service.firewallMark() != null ? 0 : 8443, 7));
            to.set(s, service.withRealServers(servers));
        }

        Plan plan = Planner.between(from, to);

        assertThat(plan.size()).isEqualTo(k);
        assertThat(plan.operations()).allMatch(op -> op instanceof AddRealServer);
    }

    enum SettingChange { SCHEDULER, FLAGS, PERSISTENCE, WEIGHT }

    @Property
    void aSettingChangeIsExactlyOneEditInPlace(@ForAll("nonEmptyTables") List<VirtualService> from,
                                               @ForAll SettingChange change, @ForAll Random random) {
        int s = random.nextInt(from.size());
        VirtualService service = from.get(s);
        if (change == SettingChange.WEIGHT && service.realServers().isEmpty()) {
            change = SettingChange.SCHEDULER;
        }
        List<VirtualService> to = new ArrayList<>(from);
        to.set(s, changed(service, change));

        Plan plan = Planner.between(from, to);

        assertThat(plan.operations()).hasSize(1);
        Operation only = plan.operations().get(0);
        if (change == SettingChange.WEIGHT) {
            assertThat(only).isInstanceOf(EditRealServer.class);
        } else {
            assertThat(only).isInstanceOf(EditService.class);
        }
        assertThat(only.service()).isEqualTo(service.key());
    }

    private static VirtualService changed(VirtualService service, SettingChange change) {
        switch (change) {
            case SCHEDULER: {
                Scheduler other = service.scheduler() == Scheduler.WLC ? Scheduler.WRR : Scheduler.WLC;
                return settings(service, other, Set.of(), service.persistence());
            }
            case FLAGS: {
                Set<SchedulerFlag> flags = service.scheduler() == Scheduler.SH && service.schedulerFlags().isEmpty()
                        ? Set.of(SchedulerFlag.SH_PORT) : Set.of(SchedulerFlag.MH_FALLBACK);
                Scheduler scheduler = flags.contains(SchedulerFlag.SH_PORT) ? Scheduler.SH : Scheduler.MH;
                if (scheduler == service.scheduler() && flags.equals(service.schedulerFlags())) {
                    flags = Set.of(SchedulerFlag.MH_FALLBACK, SchedulerFlag.MH_PORT);
                }
                return settings(service, scheduler, flags, service.persistence());
            }
            case PERSISTENCE: {
                Persistence persistence = service.persistence() == null ? new Persistence(300, null)
                        : new Persistence(service.persistence().timeoutSeconds() + 1, service.persistence().netmask());
                return settings(service, service.scheduler(), service.schedulerFlags(), persistence);
            }
            default: {
                List<RealServer> servers = new ArrayList<>(service.realServers());
                RealServer first = servers.get(0);
                servers.set(0, first.withWeight((first.weight() + 1) % 65536));
                return service.withRealServers(servers);
            }
        }
    }

    private static VirtualService settings(VirtualService s, Scheduler scheduler, Set<SchedulerFlag> flags,
                                           Persistence persistence) {
        return new VirtualService(s.name(), s.protocol(), s.address(), s.port(), s.firewallMark(), s.addressFamily(),
                scheduler, flags, persistence, s.forwarding(), s.sorryServer(), s.healthCheck(), s.realServers());
    }
}
