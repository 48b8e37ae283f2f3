package io.ballast.app.lab;

import io.ballast.app.connection.AgentClient;
import io.ballast.app.connection.AgentEndpoint;
import io.ballast.app.connection.AgentException;
import io.ballast.app.lab.process.TrafficSecond;
import io.ballast.model.api.Role;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Kills the master of a running lab the way a crash would and measures what happens: who takes over,
 * how fast, what the clients saw, and whether the restored director takes the VIPs back cleanly.
 */
public final class FailoverDrill {

    private static final Duration POLL = Duration.ofMillis(20);

    private final Lab lab;
    private final List<TrafficSecond> seconds = new CopyOnWriteArrayList<>();
    private final Map<AgentEndpoint, AgentClient> clients = new ConcurrentHashMap<>();

    public FailoverDrill(Lab lab) {
        this.lab = lab;
        lab.onTraffic(seconds::add);
    }

    /** Waits until one director is master and traffic is answered. */
    public String awaitSteadyState(Duration timeout) throws IOException, InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            Optional<String> master = currentMaster();
            if (master.isPresent() && recentlyAnswered()) {
                return master.get();
            }
            Thread.sleep(100);
        }
        throw new IOException("the lab did not settle within " + timeout.toSeconds()
                + " s (no master, or no answers on the VIP); see the logs in " + lab.directory());
    }

    public DrillResult run(Duration timeout) throws IOException, InterruptedException {
        String master = awaitSteadyState(timeout);
        int before = seconds.size();
        long killedAt = System.nanoTime();
        lab.killDirector(master);

        String newMaster = null;
        long takeoverMs = -1;
        long until = killedAt + timeout.toNanos();
        if (lab.spec().directors().size() > 1) {
            while (System.nanoTime() < until && newMaster == null) {
                newMaster = currentMaster().orElse(null);
                Thread.sleep(POLL.toMillis());
            }
            takeoverMs = newMaster == null ? -1 : (System.nanoTime() - killedAt) / 1_000_000;
        } else {
            lab.restartDirector(master);
        }
        boolean recovered = awaitAnswersAfter(before, until);
        long outage = seconds.isEmpty() ? -1 : seconds.get(seconds.size() - 1).longestGapMs();

        int failbackFailed = -1;
        if (newMaster != null) {
            failbackFailed = failBack(master, newMaster, timeout);
        }
        return new DrillResult(master, newMaster, takeoverMs, outage, recovered, failbackFailed);
    }

    // Restarts the old master and counts failed requests until it holds the VIPs again.
    private int failBack(String oldMaster, String standby, Duration timeout) throws IOException, InterruptedException {
        int from = seconds.size();
        lab.restartDirector(oldMaster);
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until && !oldMaster.equals(currentMaster().orElse(""))) {
            Thread.sleep(100);
        }
        // One more report so the second in which the VIPs moved is counted.
        Thread.sleep(1_100);
        return seconds.subList(from, seconds.size()).stream().mapToInt(TrafficSecond::failed).sum();
    }

    private boolean awaitAnswersAfter(int index, long untilNanos) throws InterruptedException {
        while (System.nanoTime() < untilNanos) {
            for (int i = index + 1; i < seconds.size(); i++) {
                if (seconds.get(i).ok() > 0 && seconds.get(i).failed() == 0) {
                    return true;
                }
            }
            Thread.sleep(100);
        }
        return false;
    }

    private boolean recentlyAnswered() {
        return !seconds.isEmpty() && seconds.get(seconds.size() - 1).ok() > 0;
    }

    /** The director that says it is MASTER, asked through its API; empty if none (or more than one). */
    Optional<String> currentMaster() {
        String found = null;
        for (Map.Entry<String, AgentEndpoint> director : lab.endpoints().entrySet()) {
            if (!lab.isDirectorRunning(director.getKey())) {
                continue;
            }
            try {
                AgentClient client = clients.computeIfAbsent(director.getValue(), AgentClient::new);
                if (client.status().role() == Role.MASTER) {
                    if (found != null) {
                        return Optional.empty();
                    }
                    found = director.getKey();
                }
            } catch (AgentException e) {
                // Unreachable for now: not a master as far as anyone can tell.
            }
        }
        return Optional.ofNullable(found);
    }
}
