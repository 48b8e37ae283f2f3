package io.ballast.agent.failover.scenario;

import io.ballast.agent.testsupport.netns.DirectorPair;
import io.ballast.model.api.AgentEvent;
import io.ballast.netns.Netns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * "No spurious failover": the Ballast pair at a given advert interval, the master's processes and two
 * busy loops pinned to one CPU (taskset), and 1 % of the adverts the standby receives dropped at random
 * (nft numgen). Counts the standby's role changes during the soak. Not a test; run by
 * benchmarks/scripts/failover-soak.sh.
 *
 * <pre>java -cp … FailoverSoak 50 600</pre>
 */
public final class FailoverSoak {

    private FailoverSoak() {
    }

    public static void main(String[] args) throws Exception {
        int advertMs = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory("failover-soak");
        try (DirectorPair pair = DirectorPair.create(dir, DirectorPair.Options.haPair().withAdvertIntervalMs(advertMs))) {
            pair.startAgents();
            long until = System.currentTimeMillis() + 60_000;
            while (!pair.holdsVip(pair.a()) && System.currentTimeMillis() < until) {
                Thread.sleep(200);
            }
            Netns a = pair.a().namespace();
            Netns b = pair.b().namespace();
            b.execWithInput("""
                    table inet lossy {
                      chain in { type filter hook input priority -300; ip protocol vrrp numgen random mod 100 < 1 counter drop; }
                    }
                    """, "nft", "-f", "-");
            for (int i = 0; i < 2; i++) {
                a.spawn("taskset", "-c", "0", "sh", "-c", "while :; do :; done");
            }
            for (String pid : a.exec("ip", "netns", "pids", a.name()).stdout().split("\\s+")) {
                if (!pid.isBlank()) {
                    a.exec("taskset", "-a", "-p", "-c", "0", pid.trim());
                }
            }
            long start = System.currentTimeMillis();
            Thread.sleep(seconds * 1000L);
            List<AgentEvent> changes = pair.b().events("role-changed").stream()
                    .filter(e -> e.atMillis() >= start).toList();
            String dropped = b.exec("nft", "list", "table", "inet", "lossy").stdout()
                    .replaceAll("(?s).*counter packets (\\d+).*", "$1");
            System.out.println("{\"advertMs\":" + advertMs + ",\"seconds\":" + seconds + ",\"standbyRoleChanges\":"
                    + changes.size() + ",\"advertsDropped\":" + dropped.trim() + ",\"masterHeldVip\":"
                    + pair.holdsVip(pair.a()) + "}");
            changes.forEach(e -> System.out.println("  " + e.message()));
        }
    }
}
