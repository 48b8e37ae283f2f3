package io.ballast.app.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.app.concurrent.FxTaskExecutor;
import io.ballast.app.main.ThemeManager;
import io.ballast.app.testsupport.FakeAgent;
import io.ballast.tls.Fingerprints;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Add cluster dialog against an HTTPS agent stand-in with its own self-signed certificate, headless. */
@ExtendWith(ApplicationExtension.class)
class AddClusterDialogTest {

    @TempDir
    static Path dir;
    static FakeAgent agent;

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private AddClusterDialog dialog;

    @BeforeAll
    static void startAgent() throws Exception {
        agent = new FakeAgent(dir);
    }

    @AfterAll
    static void stopAgent() {
        agent.close();
    }

    @AfterEach
    void stopExecutor() {
        executor.close();
    }

    @Start
    void start(Stage stage) {
        new ThemeManager(false).apply();
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
        dialog = new AddClusterDialog(stage, AddClusterViewModel.withAgents(executor));
        dialog.show();
    }

    private void fillIn(FxRobot robot, String address, String expectedFingerprint) {
        robot.clickOn("#add-cluster-name").write("payments");
        robot.clickOn("#add-cluster-agents").write(address);
        robot.clickOn("#add-cluster-token").write(FakeAgent.TOKEN);
        if (expectedFingerprint != null) {
            robot.clickOn("#add-cluster-fingerprints").write(expectedFingerprint);
        }
        robot.clickOn("#add-cluster-check");
    }

    private Label probe(FxRobot robot) throws Exception {
        VBox probes = robot.lookup("#add-cluster-probes").queryAs(VBox.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (WaitForAsyncUtils.asyncFx(() -> probes.getChildren().isEmpty()).get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no certificate shown within 20 s");
            }
            Thread.sleep(100);
        }
        return (Label) probes.getChildren().get(0);
    }

    private Button save(FxRobot robot) {
        return robot.lookup("#add-cluster-save").queryButton();
    }

    @Test
    void anUnknownCertificateIsSavedOnlyAfterTheOperatorSaysTheyTrustIt(FxRobot robot) throws Exception {
        fillIn(robot, agent.address(), null);

        Label shown = probe(robot);
        assertThat(shown.getText()).contains(Fingerprints.display(agent.fingerprint()));
        assertThat(save(robot).isDisabled()).isTrue();
        CheckBox trust = robot.lookup("#add-cluster-trust").queryAs(CheckBox.class);
        assertThat(trust.isVisible()).isTrue();

        robot.clickOn(trust);
        assertThat(save(robot).isDisabled()).isFalse();
        robot.clickOn(save(robot));

        SavedCluster saved = dialog.getResult();
        assertThat(saved.name()).isEqualTo("payments");
        assertThat(saved.token()).isEqualTo(FakeAgent.TOKEN);
        assertThat(saved.agents()).containsExactly(new SavedCluster.SavedAgent(agent.address(), agent.fingerprint()));
    }

    @Test
    void aCertificateThatDoesNotMatchThePastedFingerprintIsRejectedAndNothingCanBeSaved(FxRobot robot) throws Exception {
        fillIn(robot, agent.address(), "ab".repeat(32));

        Label shown = probe(robot);
        assertThat(shown.getText()).contains("DOES NOT match");
        assertThat(shown.getStyleClass()).contains(AddClusterDialog.PROBE_BAD);
        assertThat(robot.lookup("#add-cluster-trust").query().isVisible()).isFalse();
        assertThat(save(robot).isDisabled()).isTrue();

        Node cancel = dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        robot.clickOn(cancel);

        assertThat(dialog.getResult()).isNull();
        assertThat(dialog.isShowing()).isFalse();
    }

    @Test
    void aCertificateMatchingThePastedFingerprintNeedsNoFurtherConfirmation(FxRobot robot) throws Exception {
        fillIn(robot, agent.address(), Fingerprints.display(agent.fingerprint()));

        assertThat(probe(robot).getText()).contains("matches the fingerprint you entered");
        assertThat(save(robot).isDisabled()).isFalse();
    }

    @Test
    void anAgentThatCannotBeReachedIsSaidSoAndBlocksSaving(FxRobot robot) throws Exception {
        fillIn(robot, "127.0.0.1:1", null);

        Label shown = probe(robot);
        assertThat(shown.getText()).startsWith("127.0.0.1:1: ").contains("refused the connection");
        assertThat(save(robot).isDisabled()).isTrue();
    }
}
