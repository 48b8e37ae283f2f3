package io.ballast.agent.failover.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ballast.agent.testsupport.netns.AgentProcess;
import io.ballast.agent.testsupport.netns.DirectorPair;
import io.ballast.netns.Netns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What a client sees when the master dies, and during fail-back, for one failover setup
 * (run by benchmarks/scripts/failover-outage.sh; not a test). One topology per setup, then RUNS
 * cycles of: 20 long-lived connections opened through lb-a → probe (a request every 10 ms) → crash lb-a
 * (SIGKILL everything in it, cables out) → probe ends → are the 20 still answering, from the same server?
 * → probe → restore lb-a → lb-a master again → probe ends → still answering? Fail-back failures are
 * counted over the whole probe and from the moment the restored agent answers (its JVM start on a
 * shared machine stalls everything; the VIPs move only after that).
 *
 * <pre>java -cp … FailoverOutageBenchmark ballast:50 5    (ballast-sync:50 adds conntrackd)
 * java -cp … FailoverOutageBenchmark plain:1:2 5      (advert_int 1, VRRPv2: keepalived's defaults)
 * java -cp … FailoverOutageBenchmark plain:0.1:3 5    (VRRPv3 at 0.1 s)</pre>
 * Prints one JSON line per measurement and a summary line with the medians and the connections kept.
 */
public final class FailoverOutageBenchmark {

    /** Long-lived connections opened through lb-a before each crash (the echo service). */
    private static final int HELD = 20;

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
        List<Integer> failBackAfterAgentUp = new ArrayList<>();
        List<Integer> keptTakeover = new ArrayList<>();
        List<Integer> keptFailBack = new ArrayList<>();
        try (DirectorPair pair = DirectorPair.create(dir, options)) {
            pair.startAgents();
            awaitMaster(pair, true, 60);
            for (int run = 1; run <= runs; run++) {
                Thread.sleep(2_000);
                List<Netns.HeldConnection> held = new ArrayList<>();
                try {
                    for (int i = 0; i < HELD; i++) {
                        held.add(pair.client().hold(DirectorPair.VIP, DirectorPair.ECHO_PORT));
                    }
                    List<String> servers = held.stream().map(Netns.HeldConnection::server).toList();
                    awaitTracked(pair, options.connectionSync());
                    ConntrackView aBeforeCrash = ConntrackView.of(pair.a());
                    ConntrackView bBeforeCrash = ConntrackView.of(pair.b());
                    Process probe = pair.probe(10, 8.0);
                    Thread.sleep(2_000);
                    pair.crashA();
                    JsonNode crash = Scenarios.probeResult(probe, 60);
                    awaitMaster(pair, false, 10);
                    int keptAtTakeover = Scenarios.kept(servers, Scenarios.answers(held));
                    outages.add(crash.get("longestGapMs").asDouble());
                    keptTakeover.add(keptAtTakeover);
                    System.out.println("{\"setup\":\"" + setup + "\",\"run\":" + run + ",\"phase\":\"crash\",\"held\":"
                            + HELD + ",\"kept\":" + keptAtTakeover + ",\"probe\":" + crash + "}");

                    ConntrackView bAfterTakeover = ConntrackView.of(pair.b());
                    probe = pair.probe(10, 20.0);
                    Thread.sleep(1_000);
                    ConntrackView bBeforeRestore = ConntrackView.of(pair.b());
                    TableSizes sizes = options.connectionSync() ? TableSizes.start(pair) : null;
                    long restoreAt = System.currentTimeMillis();
                    pair.restoreA();
                    long agentUpAt = System.currentTimeMillis();
                    awaitMaster(pair, true, 20);
                    long masterAt = System.currentTimeMillis();
                    String injectAtMaster = options.connectionSync() ? pair.conntrackdInjectStats("lb-a") : "";
                    JsonNode back = Scenarios.probeResult(probe, 60);
                    String injectAtEnd = options.connectionSync() ? pair.conntrackdInjectStats("lb-a") : "";
                    List<long[]> sizeTrace = sizes == null ? List.of() : sizes.stop();
                    int keptAtFailBack = Scenarios.kept(servers, Scenarios.answers(held));
                    failBackFailures.add(back.get("failed").asInt());
                    int afterUp = failedSince(back, agentUpAt);
                    failBackAfterAgentUp.add(afterUp);
                    keptFailBack.add(keptAtFailBack);
                    System.out.println("{\"setup\":\"" + setup + "\",\"run\":" + run + ",\"phase\":\"fail-back\","
                            + "\"restoreToMasterMs\":" + (masterAt - restoreAt) + ",\"held\":" + HELD
                            + ",\"keptThroughBoth\":" + keptAtFailBack + ",\"failedAfterAgentUp\":" + afterUp
                            + ",\"agentUpAtMs\":" + (agentUpAt - back.get("startMs").asLong()) + ",\"restoreAtMs\":"
                            + (restoreAt - back.get("startMs").asLong()) + ",\"lbaEventsMs\":"
                            + eventsSince(pair.a(), restoreAt, back.get("startMs").asLong()) + ",\"lbbEventsMs\":"
                            + eventsSince(pair.b(), restoreAt, back.get("startMs").asLong()) + ",\"probe\":" + back + "}");
                    System.out.println(diagnostics(setup, run, back, masterAt, sizeTrace, injectAtMaster, injectAtEnd, Map.of("aBeforeCrash", aBeforeCrash,
                            "bBeforeCrash", bBeforeCrash, "bAfterTakeover", bAfterTakeover, "bBeforeRestore", bBeforeRestore,
                            "aAfterFailBack", ConntrackView.of(pair.a()), "bAfterFailBack", ConntrackView.of(pair.b()))));
                } finally {
                    held.forEach(Netns.HeldConnection::close);
                }
            }
        } finally {
            deleteTree(dir);
        }
        System.out.println("{\"setup\":\"" + setup + "\",\"summary\":true,\"runs\":" + runs
                + ",\"medianOutageMs\":" + median(outages) + ",\"outagesMs\":" + outages
                + ",\"medianFailBackFailures\":" + median(failBackFailures.stream().map(Integer::doubleValue).toList())
                + ",\"failBackFailures\":" + failBackFailures + ",\"failBackFailuresAfterAgentUp\":" + failBackAfterAgentUp
                + ",\"heldPerRun\":" + HELD + ",\"keptAtTakeover\":" + keptTakeover
                + ",\"keptThroughFailBack\":" + keptFailBack + "}");
    }

    /**
     * One JSON line per cycle: both directors' conntrack entries for connections to the VIP by state at
     * each step, the fail-back's failed requests (ms after lb-a held the VIP again, client port, reason;
     * at most 30), and for the first 10 failed ports the entries lb-a held after the probe and lb-b held
     * just before the restore (whose full resync lb-a received).
     */
    private static String diagnostics(String setup, int run, JsonNode back, long masterAt, List<long[]> sizeTrace,
                                      String injectAtMaster, String injectAtEnd, Map<String, ConntrackView> views) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode out = json.createObjectNode();
        out.put("setup", setup).put("run", run).put("phase", "conntrack");
        ObjectNode states = out.putObject("vipEntriesByState");
        for (String step : List.of("aBeforeCrash", "bBeforeCrash", "bAfterTakeover", "bBeforeRestore",
                "aAfterFailBack", "bAfterFailBack")) {
            states.set(step, json.valueToTree(views.get(step).byState()));
        }
        long switchAt = masterAt - back.get("startMs").asLong();
        out.put("failBackSwitchAtMs", switchAt);
        out.set("probePorts", json.createArrayNode().add(back.path("firstPort")).add(back.path("lastPort")));
        ArrayNode failures = out.putArray("failuresAfterSwitch");
        Set<Integer> ports = new LinkedHashSet<>();
        for (JsonNode f : back.path("failures")) {
            if (failures.size() < 30) {
                failures.add(json.createArrayNode().add(f.get(0).asLong() - switchAt).add(f.get(1)).add(f.get(2)));
            }
            if (ports.size() < 10 && f.get(1).canConvertToInt()) {
                ports.add(f.get(1).asInt());
            }
        }
        out.set("failedPortsOnA", json.valueToTree(views.get("aAfterFailBack").forPorts(ports, 10)));
        out.set("failedPortsOnBBeforeRestore", json.valueToTree(views.get("bBeforeRestore").forPorts(ports, 10)));
        ArrayNode trace = out.putArray("tableSizesAfterSwitch");
        for (long[] sample : sizeTrace) {
            trace.add(json.createArrayNode().add(sample[0] - masterAt).add(sample[1]).add(sample[2]));
        }
        out.put("lbaInjectAtSwitch", injectAtMaster).put("lbaInjectAtEnd", injectAtEnd);
        return out.toString();
    }

    /** Failed requests of a probe that started at or after {@code sinceMillis}. */
    private static int failedSince(JsonNode probe, long sinceMillis) {
        long from = sinceMillis - probe.get("startMs").asLong();
        int n = 0;
        for (JsonNode offset : probe.path("failOffsetsMs")) {
            n += offset.asLong() >= from ? 1 : 0;
        }
        return n;
    }

    /** A director's journal since the restore, as a JSON array of "ms-into-the-probe kind: message" strings. */
    private static String eventsSince(AgentProcess director, long sinceMillis, long probeStart) {
        List<String> lines = director.events().stream().filter(e -> e.atMillis() >= sinceMillis)
                .map(e -> (e.atMillis() - probeStart) + " " + e.kind() + ": "
                        + e.message().substring(0, Math.min(60, e.message().length())))
                .toList();
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(lines);
        } catch (IOException e) {
            return "[]";
        }
    }

    /** With connection sync, waits (at most 10 s) until lb-b's kernel tracks the held connections. */
    private static void awaitTracked(DirectorPair pair, boolean sync) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sync && System.nanoTime() < until
                && pair.trackedConnections(pair.b(), DirectorPair.ECHO_PORT) < HELD) {
            Thread.sleep(100);
        }
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
