package io.ballast.agent.failover.scenario;

import static io.ballast.agent.failover.scenario.Scenarios.await;
import static io.ballast.agent.failover.scenario.Scenarios.becameRole;
import static io.ballast.agent.failover.scenario.Scenarios.is;
import static io.ballast.agent.failover.scenario.Scenarios.since;
import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.agent.testsupport.RealEngines;
import io.ballast.agent.testsupport.netns.DirectorPair;
import io.ballast.model.api.AgentEvent;
import io.ballast.model.api.Role;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * STREAMLINE through NAT on the nftables plane: lb-a and lb-b are directors and real servers at once
 * (with rs1 as a third real server). The backup holds no virtual service, so what the master forwards
 * to it is served locally, never balanced again.
 */
class StreamlineFailoverScenarioTest {

    @TempDir
    Path dir;

    private DirectorPair pair;

    @BeforeEach
    void requireEngines() {
        RealEngines.require("failover scenarios", true, "nft", "ip", "keepalived", "conntrackd", "conntrack", "curl", "busybox");
    }

    @AfterEach
    void removeEverything() {
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void survivorTakesOverAndDropsTheCrashedNodeFromTheRealServersUntilItReturns() throws Exception {
        pair = DirectorPair.create(dir, DirectorPair.Options.streamline());
        pair.startAgents();
        await("lb-a master, lb-b backup", 40, () -> is(pair.a(), Role.MASTER) && is(pair.b(), Role.BACKUP));
        await("every node answers through the VIP", 15, () -> answers(6).containsAll(Set.of("lb-a", "lb-b", "rs1")));
        assertThat(table(pair.b().namespace())).as("the backup holds no virtual service").doesNotContain("203.0.113.10");

        long crashedAt = System.currentTimeMillis();
        pair.crashA();
        await("lb-b master", 10, () -> is(pair.b(), Role.MASTER));
        await("lb-a left lb-b's real-server set", 5, () -> !since(pair.b().events("real-server-left"), crashedAt).isEmpty());
        long masterAt = becameRole(pair.b(), Role.MASTER, crashedAt).get(0).atMillis();
        AgentEvent left = since(pair.b().events("real-server-left"), crashedAt).get(0);
        assertThat(left.message()).startsWith("lb-a left the real-server set of every service");
        assertThat(left.atMillis() - masterAt).as("removal is prompt, not a health-check timeout").isLessThan(1_500);
        await("lb-a gone from lb-b's table", 5, () -> !table(pair.b().namespace()).contains("203.0.113.11"));
        await("clients served by lb-b and rs1", 10, () -> answers(6).equals(Set.of("lb-b", "rs1")));

        long restoredAt = System.currentTimeMillis();
        pair.restoreA();
        await("lb-a master again", 30, () -> is(pair.a(), Role.MASTER) && is(pair.b(), Role.BACKUP));
        List<AgentEvent> rejoined = since(pair.b().events("real-server-rejoined"), restoredAt);
        assertThat(rejoined).isNotEmpty();
        assertThat(rejoined.get(0).message()).startsWith("lb-a rejoined the real-server set");
        long aMasterAt = becameRole(pair.a(), Role.MASTER, restoredAt).get(0).atMillis();
        assertThat(rejoined.get(0).atMillis()).as("back as a real server before it is master; lb-a's events: "
                + since(pair.a().events(), restoredAt)).isLessThan(aMasterAt);
        await("every node answers again", 15, () -> answers(6).containsAll(Set.of("lb-a", "lb-b", "rs1")));
        await("lb-b, now backup, holds no virtual service", 5,
                () -> !table(pair.b().namespace()).contains("203.0.113.10"));
    }

    private Set<String> answers(int n) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String who = pair.ask();
            if (who != null) {
                seen.add(who);
            }
        }
        return seen;
    }

    private static String table(io.ballast.netns.Netns ns) {
        return ns.exec("nft", "list", "table", "inet", "ballast").stdout();
    }
}
