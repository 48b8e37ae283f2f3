package io.ballast.agent.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.agent.state.AgentDatabase;
import io.ballast.agent.state.StatsHistory;
import io.ballast.agent.testsupport.InMemoryDataPlane;
import io.ballast.agent.testsupport.Specs;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import io.ballast.model.api.StatsSeries;
import io.ballast.model.api.StatsTick;
import io.ballast.model.plan.Planner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsSamplerTest {

    @TempDir
    Path dir;

    @Test
    void eachServiceKeepsItsOwnRateWhenThePlaneListsItsCountersInAnotherOrder() throws Exception {
        // The in-memory plane adds each server's weight to its connection count every sample, so a service's
        // rate is the sum of its weights; weights differ per service, so a series matched with another shows.
        List<VirtualService> services = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            List<RealServer> servers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                servers.add(RealServer.of("rs-" + r, "198.51.100." + (r + 1), 8080, 1 + s * 10 + r));
            }
            services.add(Specs.service("svc-" + s, "203.0.113." + (s + 10), 80, servers));
        }
        InMemoryDataPlane plane = new InMemoryDataPlane(dir.resolve("table.json"));
        plane.apply(Planner.between(List.of(), services));
        try (AgentDatabase db = AgentDatabase.open(dir.resolve("agent.db"))) {
            StatsSampler sampler = new StatsSampler(plane, new StatsHistory(db));
            sampler.sample();
            assertThat(rates(sampler.sample())).isEqualTo(expectedRates(services));

            List<VirtualService> reordered = new ArrayList<>(services);
            Collections.reverse(reordered);
            plane.tamper(reordered);
            assertThat(rates(sampler.sample())).isEqualTo(expectedRates(services));
        }
    }

    @Test
    void secondsMissedDuringASlowSampleAreSkippedNotTakenBackToBack() throws Exception {
        try (AgentDatabase db = AgentDatabase.open(dir.resolve("agent.db"))) {
            StatsSampler sampler = new StatsSampler(new InMemoryDataPlane(dir.resolve("table.json")), new StatsHistory(db));
            long t = 1_800_000_000_000L;
            assertThat(sampler.due(t)).isTrue();

            // A sample that took 2.3 s: the schedule fires the missed seconds at once when it returns.
            sampler.ended(t + 2_300);
            assertThat(sampler.due(t + 2_300)).isFalse();
            assertThat(sampler.due(t + 2_301)).isFalse();
            assertThat(sampler.due(t + 3_000)).isTrue();

            // A quick sample whose next run woke up 450 ms late still runs.
            sampler.ended(t + 3_020);
            assertThat(sampler.due(t + 4_450)).isTrue();
        }
    }

    private static Map<String, Long> rates(StatsTick tick) {
        return tick.services().stream().collect(Collectors.toMap(StatsSeries::service, s -> s.points().get(0).connections()));
    }

    private static Map<String, Long> expectedRates(List<VirtualService> services) {
        return services.stream().collect(Collectors.toMap(vs -> vs.key().toString(),
                vs -> vs.realServers().stream().mapToLong(RealServer::weight).sum()));
    }
}
