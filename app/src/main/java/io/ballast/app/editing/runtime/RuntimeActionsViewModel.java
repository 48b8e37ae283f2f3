package io.ballast.app.editing.runtime;

import io.ballast.app.concurrent.TaskExecutor;
import io.ballast.app.editing.apply.DirectorAgent;
import io.ballast.app.editing.apply.RuntimeActions;
import io.ballast.model.AdminState;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Drain, maintenance, activate and set weight for the selected real server, at once on every
 * director of the cluster (PATCH, no plan, no undo). Each director's answer is a line of the log; a
 * director that did not take the action is handed to {@code onDiffering}, which flags it.
 */
public final class RuntimeActionsViewModel {

    /** The highest weight IPVS takes. */
    public static final int MAX_WEIGHT = 65535;

    private final Supplier<List<DirectorAgent>> agents;
    private final TaskExecutor executor;
    private final Consumer<String> onDiffering;
    private final ObjectProperty<RuntimeTarget> target = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RuntimeActions.Result> lastResult = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<String> logView = FXCollections.unmodifiableObservableList(log);

    /**
     * @param agents      every director of the cluster, asked at the moment of the action
     * @param onDiffering told (on the UI thread) the id of each director that did not take an action
     */
    public RuntimeActionsViewModel(Supplier<List<DirectorAgent>> agents, TaskExecutor executor,
                                   Consumer<String> onDiffering) {
        this.agents = agents;
        this.executor = executor;
        this.onDiffering = onDiffering;
    }

    public boolean drain() {
        return setState(AdminState.DRAIN);
    }

    public boolean maintenance() {
        return setState(AdminState.MAINTENANCE);
    }

    public boolean activate() {
        return setState(AdminState.ACTIVE);
    }

    /** Sets the weight; a weight outside 0–65535 is refused here with a sentence, and nothing is sent. */
    public boolean setWeight(int weight) {
        if (weight < 0 || weight > MAX_WEIGHT) {
            message.set("Weight " + weight + " not sent: it must be between 0 and " + MAX_WEIGHT);
            return false;
        }
        return run("weight " + weight, (all, t, progress) ->
                RuntimeActions.setWeight(all, t.service(), t.serverKey(), weight, progress));
    }

    /** Reads a weight typed by the operator; returns the sentence saying why it is not one, or null. */
    public static String weightProblem(String text) {
        try {
            int weight = Integer.parseInt(text.strip());
            return weight < 0 || weight > MAX_WEIGHT ? "the weight must be between 0 and " + MAX_WEIGHT : null;
        } catch (NumberFormatException e) {
            return "the weight must be a whole number; '" + text + "' is not";
        }
    }

    private boolean setState(AdminState state) {
        return run(state.name().toLowerCase(Locale.ROOT), (all, t, progress) ->
                RuntimeActions.setState(all, t.service(), t.serverKey(), state, progress));
    }

    private boolean run(String what, Action action) {
        RuntimeTarget t = target.get();
        if (t == null || running.get()) {
            return false;
        }
        List<DirectorAgent> all = agents.get();
        if (all.isEmpty()) {
            message.set(what + " not sent: no director of this cluster is connected");
            return false;
        }
        log.clear();
        running.set(true);
        message.set(what + " for " + t.label() + ": sending to " + all.size() + " director" + (all.size() == 1 ? "" : "s"));
        executor.execute(() -> action.run(all, t, line -> executor.runOnUi(() -> log.add(line))), result -> {
            running.set(false);
            lastResult.set(result);
            result.differingDirectors().forEach(onDiffering);
            message.set(result.everywhere()
                    ? what + " for " + t.label() + ": taken by every director (" + String.join(", ", result.revisions().keySet()) + ")"
                    : what + " for " + t.label() + ": the directors differ. " + String.join(" ", result.differing()));
        }, failure -> {
            running.set(false);
            message.set(what + " for " + t.label() + " failed: " + failure.getMessage());
        });
        return true;
    }

    /** The real server the actions are for; null disables them. */
    public ObjectProperty<RuntimeTarget> targetProperty() {
        return target;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The last thing the operator should read: sent to how many, taken by all, or which director differs. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RuntimeActions.Result> lastResultProperty() {
        return lastResult.getReadOnlyProperty();
    }

    /** Each director's answer to the last action, in order. */
    public ObservableList<String> log() {
        return logView;
    }

    @FunctionalInterface
    private interface Action {
        RuntimeActions.Result run(List<DirectorAgent> agents, RuntimeTarget target,
                                  io.ballast.app.editing.apply.ApplyProgress progress) throws Exception;
    }
}
