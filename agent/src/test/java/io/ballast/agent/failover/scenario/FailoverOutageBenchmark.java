package io.ballast.agent.failover.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ballast.agent.testsupport.netns.DirectorPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a client sees when the master dies, and during fail-back, for one failover setup
 * (run by benchmarks/scripts/failover-outage.sh; not a test). One topology per setup, then RUNS
 * cycles of: probe (a request every 10 ms) → crash lb-a (SIGKILL everything in it, cables out) →
 * probe ends → probe → restore lb-a → lb-a master again → probe ends.
 *
 * <pre>java -cp … FailoverOutageBenchmark ballast:50 5    (ballast-sync:50 adds conntrackd)
 * java -cp … FailoverOutageBenchmark plain:1:2 5      (advert_int 1, VRRPv2: keepalived's defaults)
 * java -cp … FailoverOutageBenchmark plain:0.1:3 5    (VRRPv3 at 0.1 s)</pre>
 * Prints one JSON line per measurement and a summary line with the medians.
 */
public final class FailoverOutageBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FailoverOutageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String setup = args[0];
        int runs = Integer.parseInt(args[1]);
        String[] parts = setup.split(":");
        DirectorPair.Options options = DirectorPair.Options.haPair();
        if (parts[0].startsWith("ballast")) {
            // "ballast" is the product defaults (no connection sync); "ballast-sync" adds conntrackd.
            options = options.withAdvertIntervalMs(Integer.parseInt(parts[1]))
                    .withConnectionSync(parts[0].equals("ballast-sync"));
        } else {
            options = options.plainKeepalived(parts[1], Integer.parseInt(parts[2]));
        }
        Path dir = Files.createTempDirectory("failover-bench");
        List<Double> outages = new ArrayList<>();
        List<Integer> failBackFailures = new ArrayList<>();
        try (DirectorPair pair = DirectorPair.create(dir, options)) {
            pair.startAgents();
            awaitMaster(pair, true, 60);
            for (int run = 1; run <= runs; run++) {
                Thread.sleep(2_000);
                Process probe = pair.probe(10, 8.0);
                Thread.sleep(2_000);
                pair.crashA();
                JsonNode crash = result(probe);
                awaitMaster(pair, false, 10);
                outages.add(crash.get("longestGapMs").asDouble());
                System.out.println("{\"setup\":\"" + setup + "\",\"run\":" + run + ",\"phase\":\"crash\",\"probe\":"
                        + crash + "}");

                probe = pair.probe(10, 20.0);
                Thread.sleep(1_000);
                long restoreAt = System.currentTimeMillis();
                pair.restoreA();
                awaitMaster(pair, true, 20);
                long masterAt = System.currentTimeMillis();
                JsonNode back = result(probe);
                failBackFailures.add(back.get("failed").asInt());
                System.out.println("{\"setup\":\"" + setup + "\",\"run\":" + run + ",\"phase\":\"fail-back\","
                        + "\"restoreToMasterMs\":" + (masterAt - restoreAt) + ",\"probe\":" + back + "}");
            }
        } finally {
            deleteTree(dir);
        }
        System.out.println("{\"setup\":\"" + setup + "\",\"summary\":true,\"runs\":" + runs
                + ",\"medianOutageMs\":" + median(outages) + ",\"outagesMs\":" + outages
                + ",\"medianFailBackFailures\":" + median(failBackFailures.stream().map(Integer::doubleValue).toList())
                + ",\"failBackFailures\":" + failBackFailures + "}");
    }

    /** lb-a (a=true) or lb-b holds the VIP, by the address on its interface (works for plain keepalived too). */
    private static void awaitMaster(DirectorPair pair, boolean a, int seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < until) {
            boolean aHolds = pair.holdsVip(pair.a());
            boolean bHolds = pair.holdsVip(pair.b());
            if ((a ? aHolds && !bHolds : bHolds) && pair.ask() != null) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException((a ? "lb-a" : "lb-b") + " did not become master within " + seconds + " s");
    }

    private static JsonNode result(Process probe) throws IOException, InterruptedException {
        if (!probe.waitFor(60, TimeUnit.SECONDS)) {
            probe.destroyForcibly();
            throw new IllegalStateException("the probe did not finish");
        }
        return JSON.readTree(new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
