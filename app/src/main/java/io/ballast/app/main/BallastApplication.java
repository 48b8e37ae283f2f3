package io.ballast.app.main;

import io.ballast.app.concurrent.FxTaskExecutor;
import io.ballast.app.connection.AddClusterDialog;
import io.ballast.app.connection.AddClusterViewModel;
import io.ballast.app.connection.ClusterStore;
import io.ballast.app.connection.SavedCluster;
import io.ballast.app.lab.Lab;
import io.ballast.app.lab.LabControlsView;
import io.ballast.app.lab.LabSession;
import io.ballast.app.lab.LabViewModel;
import io.ballast.app.timeline.EventNotifier;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The desktop client's JavaFX application. Started through {@link io.ballast.app.BallastDesktop}. */
public final class BallastApplication extends Application {

    /** The window icon sizes desktops pick from; the icons module renders them from ballast.svg. */
    static final int[] ICON_SIZES = {16, 24, 32, 48, 64, 128, 256};

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final ClusterStore store = ClusterStore.forUser();
    private Stage stage;
    private MainWindow window;
    private LiveCluster current;

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        ThemeManager theme = new ThemeManager(false);
        theme.apply();
        window = new MainWindow(theme);
        window.setOnAddCluster(this::addCluster);
        window.setOnEdit(this::edit);
        window.clusterSelector().valueProperty().addListener((o, old, selected) -> open(selected));

        Scene scene = new Scene(window, 1440, 900);
        window.installShortcuts(scene);
        primary.setScene(scene);
        primary.setTitle("Ballast");
        for (int size : ICON_SIZES) {
            InputStream icon = getClass().getResourceAsStream(iconResource(size));
            if (icon != null) {
                primary.getIcons().add(new Image(icon));
            }
        }
        primary.show();
        loadClusters();
        LabSession.current().ifPresent(this::openLab);
    }

    static String iconResource(int size) {
        return "/io/ballast/icons/ballast-" + size + ".png";
    }

    private void loadClusters() {
        try {
            List<SavedCluster> saved = store.load();
            window.clusterChoices().setAll(saved);
            if (!saved.isEmpty()) {
                window.clusterSelector().getSelectionModel().select(0);
            }
        } catch (IOException e) {
            error("Saved clusters could not be read", e.getMessage());
        }
    }

    private void open(SavedCluster cluster) {
        assert javafx.application.Platform.isFxApplicationThread();
        if (current != null) {
            current.close();
        }
        if (cluster == null) {
            current = null;
            return;
        }
        current = new LiveCluster(System::currentTimeMillis);
        new EventNotifier(stage).attach(current.timeline());
        window.show(new ClusterPane(current, executor));
        try {
            current.connect(cluster.name(), cluster.endpoints(), executor);
        } catch (IllegalArgumentException e) {
            error("Cluster " + cluster.name() + " cannot be opened", e.getMessage());
        }
    }

    /** A lab started by `ballast lab`: shown at once, with its controls, and never saved. */
    private void openLab(LabSession session) {
        Lab lab = session.lab();
        List<SavedCluster.SavedAgent> agents = lab.endpoints().values().stream()
                .map(e -> new SavedCluster.SavedAgent(e.baseUri().getAuthority(), e.fingerprint())).toList();
        SavedCluster cluster = new SavedCluster(lab.spec().name(), lab.endpoints().values().iterator().next().token(),
                agents);
        window.clusterChoices().add(0, cluster);
        window.clusterSelector().getSelectionModel().select(cluster);
        window.setRight(new LabControlsView(new LabViewModel(lab, session.rate(), executor)));
        stage.setTitle("Ballast — lab (" + lab.form().cliName() + ")");
    }

    private void edit() {
        SavedCluster selected = window.clusterSelector().getValue();
        if (current == null || selected == null || current.cluster().spec() == null) {
            error("Nothing to edit yet", "Connect to a cluster first; the editor starts from the spec its directors enforce.");
            return;
        }
        LiveCluster live = current;
        io.ballast.app.editing.EditorWindow.open(stage, live.cluster().spec(), selected.endpoints(), executor,
                message -> error("The editor cannot open", message));
    }

    private void addCluster() {
        AddClusterDialog dialog = new AddClusterDialog(stage, AddClusterViewModel.withAgents(executor));
        dialog.showAndWait().ifPresent(cluster -> {
            try {
                store.save(cluster);
                window.clusterChoices().removeIf(c -> c.name().equals(cluster.name()));
                window.clusterChoices().add(cluster);
                window.clusterSelector().getSelectionModel().select(cluster);
            } catch (IOException e) {
                error("The cluster could not be saved to " + store.file(), e.getMessage());
            }
        });
    }

    private void error(String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(stage);
        alert.setHeaderText(header);
        alert.show();
    }

    @Override
    public void stop() {
        if (current != null) {
            current.close();
        }
        executor.close();
    }
}
