package io.ballast.agent.failover.scenario;

import io.ballast.agent.testsupport.netns.AgentProcess;
import io.ballast.model.api.AgentEvent;
import io.ballast.model.api.Role;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waiting and event lookups shared by the scenario tests. */
final class Scenarios {

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
