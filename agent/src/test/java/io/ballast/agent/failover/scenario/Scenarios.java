package io.ballast.agent.failover.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ballast.agent.testsupport.netns.AgentProcess;
import io.ballast.netns.Netns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import io.ballast.model.api.AgentEvent;
import io.ballast.model.api.Role;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waiting and event lookups shared by the scenario tests. */
final class Scenarios {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ExecutorService ASKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "held-connection-ask");
        t.setDaemon(true);
        return t;
    });

    private Scenarios() {
    }

    static void await(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            Thread.sleep(100);
        }
    }

    /** The JSON line the outage probe prints when it ends (it is killed if it runs past {@code seconds}). */
    static JsonNode probeResult(Process probe, double seconds) throws IOException, InterruptedException {
        if (!probe.waitFor((long) (seconds * 1000), TimeUnit.MILLISECONDS)) {
            probe.destroyForcibly();
            throw new AssertionError("the outage probe did not finish within " + seconds + " s");
        }
        return JSON.readTree(new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /**
     * Each held connection's answer to one more line (its server's name, or "error:…"), asked all at
     * once: a connection whose packets vanish costs its 10 s read timeout once, not once per connection.
     */
    static List<String> answers(List<Netns.HeldConnection> held) {
        List<CompletableFuture<String>> asked = held.stream()
                .map(c -> CompletableFuture.supplyAsync(c::ask, ASKERS)).toList();
        return asked.stream().map(CompletableFuture::join).toList();
    }

    /** How many of {@code answers} name the same server as {@code servers}, position by position. */
    static int kept(List<String> servers, List<String> answers) {
        int kept = 0;
        for (int i = 0; i < servers.size(); i++) {
            kept += servers.get(i).equals(answers.get(i)) ? 1 : 0;
        }
        return kept;
    }

    static boolean is(AgentProcess agent, Role role) {
        return agent.role() == role;
    }

    /** The role-changed events into {@code to} after {@code sinceMillis}. */
    static List<AgentEvent> becameRole(AgentProcess agent, Role to, long sinceMillis) {
        return agent.events("role-changed").stream()
                .filter(e -> e.atMillis() >= sinceMillis && e.message().contains("→ " + to + ":")).toList();
    }

    static List<AgentEvent> since(List<AgentEvent> events, long sinceMillis) {
        return events.stream().filter(e -> e.atMillis() >= sinceMillis).toList();
    }
}
