package io.ballast.app.editing;

import io.ballast.app.concurrent.TaskExecutor;
import io.ballast.app.connection.AgentClient;
import io.ballast.app.connection.AgentEndpoint;
import io.ballast.app.connection.AgentStatus;
import io.ballast.app.editing.apply.DirectorAgent;
import io.ballast.app.editing.review.LiveFacts;
import io.ballast.model.ClusterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens the editor for a connected cluster in its own window. It first asks every agent for its
 * status in the background, so each later PUT carries the revision that agent had when editing began.
 */
public final class EditorWindow {

    private EditorWindow() {
    }

    /**
     * @param inEffect the spec the directors enforce now (the live view's)
     * @param onError  told (on the FX thread) why the editor could not open
     */
    public static void open(Window owner, ClusterSpec inEffect, List<AgentEndpoint> endpoints, TaskExecutor executor,
                            Consumer<String> onError) {
        assert Platform.isFxApplicationThread();
        executor.execute(() -> {
            List<DirectorAgent> agents = new ArrayList<>();
            for (AgentEndpoint endpoint : endpoints) {
                AgentClient client = new AgentClient(endpoint);
                AgentStatus status = client.status();
                agents.add(new DirectorAgent(status.node(), client, status.revision()));
            }
            return agents;
        }, agents -> show(owner, inEffect, agents, executor), failure -> onError.accept(
                "The editor needs every director's revision first: " + failure.getMessage()));
    }

    /** The master's verdicts and counters (it carries the traffic), else the first director's. Blocking. */
    static LiveFacts liveFacts(List<DirectorAgent> agents) throws Exception {
        DirectorAgent source = agents.get(0);
        AgentStatus sourceStatus = null;
        for (DirectorAgent agent : agents) {
            AgentStatus status = agent.client().status();
            if (sourceStatus == null || status.role() == io.ballast.model.api.Role.MASTER) {
                source = agent;
                sourceStatus = status;
            }
        }
        return LiveFacts.ofMetrics(sourceStatus.verdicts(), source.client().metricsText());
    }

    private static void show(Window owner, ClusterSpec inEffect, List<DirectorAgent> initial, TaskExecutor executor) {
        EditingViewModel vm = new EditingViewModel(inEffect);
        List<DirectorAgent> agents = new ArrayList<>(initial);
        // After every apply the next one is based on the revisions the directors reported.
        vm.lastOutcomeProperty().addListener((o, was, outcome) -> {
            if (outcome != null) {
                agents.replaceAll(a -> a.withKnownRevision(outcome.revisions().getOrDefault(a.id(), a.knownRevision())));
            }
        });
        EditingView view = new EditingView(vm, () -> List.copyOf(agents), () -> liveFacts(agents), executor);
        view.getStylesheets().add(EditorWindow.class.getResource("/io/ballast/app/topology/topology.css").toExternalForm());
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Edit " + inEffect.name());
        Scene scene = new Scene(view, 1400, 860);
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        Platform.runLater(view.diagram()::fit);
    }
}
