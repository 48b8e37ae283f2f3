package io.ballast.app.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.app.connection.SavedCluster;
import io.ballast.app.testsupport.Scenarios;
import io.ballast.model.ClusterForm;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Renders the main window for each form, light and dark, to app/target/screenshots/ (looked at by a person). */
class ScreenshotTest {

    static final Path DIR = Path.of("target", "screenshots");

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Files.createDirectories(DIR);
    }

    @ParameterizedTest
    @CsvSource({"SINGLE,false", "SINGLE,true", "HA_PAIR,false", "HA_PAIR,true", "STREAMLINE,false", "STREAMLINE,true"})
    void mainWindowRendersEachFormInLightAndDark(ClusterForm form, boolean dark) throws Exception {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        AtomicReference<MainWindow> window = new AtomicReference<>();
        FxToolkit.setupStage(stage -> {
            ThemeManager theme = new ThemeManager(dark);
            theme.apply();
            MainWindow main = new MainWindow(theme);
            LiveCluster live = Scenarios.of(form);
            SavedCluster saved = new SavedCluster(live.cluster().nameProperty().get(), "secret",
                    live.cluster().directors().stream().map(d -> new SavedCluster.SavedAgent(d.director().agentEndpoint(), null)).toList());
            main.clusterChoices().add(saved);
            main.clusterSelector().getSelectionModel().select(saved);
            main.show(new ClusterPane(live));
            live.cluster().selectionProperty().set(live.cluster().vips().get(0));
            stage.setScene(new Scene(main, 1440, 900));
            stage.show();
            window.set(main);
        });
        WaitForAsyncUtils.waitForFxEvents();
        FxToolkit.setupFixture(() -> window.get().pane().topology().fit());
        WaitForAsyncUtils.waitForFxEvents();
        FxToolkit.setupFixture(() -> image.set(window.get().getScene().snapshot(null)));
        Path file = DIR.resolve("main-" + form.name().toLowerCase(Locale.ROOT) + (dark ? "-dark" : "-light") + ".png");
        write(image.get(), file);

        if (form == ClusterForm.HA_PAIR) {
            FxToolkit.setupFixture(() -> window.get().pane().showTimeline());
            WaitForAsyncUtils.waitForFxEvents();
            FxToolkit.setupFixture(() -> image.set(window.get().getScene().snapshot(null)));
            write(image.get(), DIR.resolve("timeline-ha_pair" + (dark ? "-dark" : "-light") + ".png"));
        }
        assertThat(Files.size(file)).isGreaterThan(20_000);
        assertThat(image.get().getWidth()).isEqualTo(1440);
    }

    static void write(WritableImage image, Path file) throws IOException {
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        ImageIO.write(buffered, "png", file.toFile());
    }

    static void close(Stage stage) {
        stage.hide();
    }
}
