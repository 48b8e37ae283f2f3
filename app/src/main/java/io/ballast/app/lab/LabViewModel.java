package io.ballast.app.lab;

import io.ballast.app.concurrent.TaskExecutor;
import io.ballast.app.lab.process.TrafficSecond;
import java.util.concurrent.Callable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The lab's controls, without Nodes: kill and restart directors (a real SIGKILL), stop and start real
 * servers, make one slow or failing, change the traffic rate. Every action runs in the background.
 */
public final class LabViewModel {

    private final Lab lab;
    private final TaskExecutor executor;
    private final ObservableList<LabMember> directors = FXCollections.observableArrayList();
    private final ObservableList<LabMember> realServers = FXCollections.observableArrayList();
    private final IntegerProperty rate = new SimpleIntegerProperty();
    private final ReadOnlyStringWrapper traffic = new ReadOnlyStringWrapper("waiting for traffic…");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public LabViewModel(Lab lab, int initialRate, TaskExecutor executor) {
        this.lab = lab;
        this.executor = executor;
        lab.spec().directors().forEach(d -> directors.add(new LabMember(d.id())));
        lab.realServerIds().forEach(id -> realServers.add(new LabMember(id)));
        rate.set(initialRate);
        rate.addListener((o, old, now) -> lab.setTrafficRate(now.intValue()));
        lab.onTraffic(second -> executor.runOnUi(() -> showTraffic(second)));
    }

    public ObservableList<LabMember> directors() {
        return directors;
    }

    public ObservableList<LabMember> realServers() {
        return realServers;
    }

    public IntegerProperty rateProperty() {
        return rate;
    }

    public ReadOnlyStringProperty trafficProperty() {
        return traffic.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public String form() {
        return lab.form().cliName();
    }

    public void killDirector(LabMember director) {
        act(director, "killing…", "killed (SIGKILL)", () -> {
            lab.killDirector(director.id());
            return null;
        });
    }

    public void restartDirector(LabMember director) {
        act(director, "starting…", "running", () -> {
            lab.restartDirector(director.id());
            return null;
        });
    }

    public void stopRealServer(LabMember server) {
        act(server, "stopping…", "stopped", () -> {
            lab.stopRealServer(server.id());
            return null;
        });
    }

    public void startRealServer(LabMember server) {
        act(server, "starting…", "running", () -> {
            lab.startRealServer(server.id());
            return null;
        });
    }

    /** Makes one real server slow ({@code latencyMs}) or failing ({@code errorPercent}); 0, 0 restores it. */
    public void degrade(LabMember server, int latencyMs, int errorPercent) {
        String after = latencyMs == 0 && errorPercent == 0 ? "running"
                : "running, " + latencyMs + " ms slower, " + errorPercent + " % errors";
        act(server, "changing…", after, () -> {
            lab.degradeRealServer(server.id(), latencyMs, errorPercent);
            return null;
        });
    }

    private void act(LabMember member, String during, String after, Callable<Void> work) {
        member.setState(during);
        executor.execute(work, done -> {
            member.setState(after);
            message.set(member.id() + ": " + after);
        }, failure -> {
            member.setState("failed");
            message.set(member.id() + ": " + failure.getMessage());
        });
    }

    private void showTraffic(TrafficSecond second) {
        traffic.set(second.ok() + " answered, " + second.failed() + " failed in the last second; "
                + "longest gap " + second.longestGapMs() + " ms");
    }
}
