package io.ballast.app.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.app.connection.ConnectionState;
import io.ballast.app.testsupport.Simulator;
import io.ballast.app.testsupport.Specs;
import io.ballast.app.topology.DiagramStyles;
import io.ballast.app.topology.RealServerItem;
import io.ballast.app.topology.TopologyView;
import io.ballast.model.ClusterSpec;
import io.ballast.model.api.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.data.Offset;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window with 50 services x 20 real servers (the size of the desktop benchmark): the real
 * servers are canvas tiles, and selection, the inspector, health colours, zoom and the context
 * menu work on them through the diagram's hit-testing, not through a node per server.
 */
@ExtendWith(ApplicationExtension.class)
class LargeClusterDiagramTest {

    private static final String DOWN = "s7-r3";

    private final ClusterSpec spec = Specs.large(50, 20);
    private final Simulator sim = new Simulator(spec);
    private LiveCluster live;
    private MainWindow window;
    private ThemeManager theme;

    @Start
    void start(Stage stage) {
        theme = new ThemeManager(false);
        theme.apply();
        window = new MainWindow(theme);
        live = new LiveCluster(System::currentTimeMillis);
        live.config("lb-a", spec);
        live.connectionChanged("lb-a", ConnectionState.CONNECTED, "test");
        live.connectionChanged("lb-b", ConnectionState.CONNECTED, "test");
        live.status("lb-a", sim.status("lb-a", Role.MASTER, Set.of(DOWN)));
        live.status("lb-b", sim.status("lb-b", Role.BACKUP, Set.of(DOWN)));
        live.counters("lb-a", sim.snapshot(System.currentTimeMillis() - 1000, 1, 1.0));
        live.counters("lb-a", sim.snapshot(System.currentTimeMillis(), 2, 1.0));
        window.show(new ClusterPane(live));
        Scene scene = new Scene(window, 1440, 900);
        window.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
    }

    private TopologyView topology() {
        return window.pane().topology();
    }

    private RealServerItem server(String name) {
        return live.cluster().realServers().stream().filter(rs -> rs.title().equals(name)).findFirst().orElseThrow();
    }

    private Point2D centreOf(RealServerItem rs) {
        Bounds b = topology().tileBoundsOnScreen(rs);
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    /** The colour the window shows at a screen point (a snapshot of the scene, as the screen shows it). */
    private Color pixelAt(FxRobot robot, Point2D screen) {
        AtomicReference<Color> colour = new AtomicReference<>();
        robot.interact(() -> {
            Scene scene = window.getScene();
            WritableImage image = scene.snapshot(null);
            Point2D p = scene.getRoot().screenToLocal(screen);
            colour.set(image.getPixelReader().getColor((int) p.getX(), (int) p.getY()));
        });
        return colour.get();
    }

    private void settle(FxRobot robot) {
        robot.interact(() -> topology().fit());
        WaitForAsyncUtils.waitForFxEvents();
        redrawn(0);
        robot.sleep(100); // a few pulses: a change made by the fit is drawn on the next one
    }

    /** Waits until the tiles were redrawn since {@code before} (the redraw waits for the next pulse). */
    private void redrawn(long before) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> topology().tileRedraws() > before);
        } catch (TimeoutException e) {
            throw new AssertionError("the tiles were not redrawn within 10 s", e);
        }
    }

    @Test
    void thousandRealServersAreTilesNotNodes(FxRobot robot) {
        settle(robot);
        assertThat(topology().tileCount()).isEqualTo(1000);
        assertThat(robot.lookup("." + DiagramStyles.REAL_SERVER).queryAll()).isEmpty();
        // the 50 VIPs and 2 directors stay cards (with their MASTER / BACKUP badges)
        assertThat(topology().cardCount()).isEqualTo(52);
        assertThat(robot.lookup("." + DiagramStyles.BADGE).queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactlyInAnyOrder("MASTER", "BACKUP");
    }

    @Test
    void clickingATileSelectsItsServerAndTheInspectorShowsIt(FxRobot robot) {
        settle(robot);
        RealServerItem target = server("s31-r17");
        long before = topology().tileRedraws();
        robot.clickOn(centreOf(target));
        redrawn(before);
        assertThat(live.cluster().selectionProperty().get()).isSameAs(target);
        assertThat(robot.lookup(".inspector-heading").queryAs(Label.class).getText()).isEqualTo("Real server s31-r17");
        // the selection outline is drawn in the accent colour around the tile
        Bounds b = topology().tileBoundsOnScreen(target);
        Color edge = pixelAt(robot, new Point2D(b.getMinX() + b.getWidth() / 2, b.getMinY() + 0.5));
        assertThat(edge.getBlue()).isGreaterThan(edge.getRed() + 0.2);
    }

    @Test
    void hitTestingFollowsWheelZoomAndPan(FxRobot robot) {
        settle(robot);
        double fitted = topology().zoomPane().zoomProperty().get();
        RealServerItem target = server("s2-r5");
        Point2D pointer = centreOf(target);
        robot.moveTo(pointer).scroll(8, VerticalDirection.UP);
        if (topology().zoomPane().zoomProperty().get() <= fitted) {
            robot.scroll(16, VerticalDirection.DOWN); // the platform's wheel direction is the other way round
        }
        double zoom = topology().zoomPane().zoomProperty().get();
        assertThat(zoom).isGreaterThan(fitted * 4);
        Bounds tile = topology().tileBoundsOnScreen(target);
        assertThat(tile.getWidth()).isCloseTo(226 * zoom, Offset.offset(0.5));
        assertThat(tile.contains(pointer)).isTrue(); // the wheel zooms around the pointer
        robot.clickOn(centreOf(target));
        assertThat(live.cluster().selectionProperty().get()).isSameAs(target);

        // a drag pans the picture (and selects nothing); the tile moves with it and is still hit
        robot.interact(() -> live.cluster().selectionProperty().set(null));
        robot.drag(centreOf(target), MouseButton.PRIMARY).moveBy(-120, -40).release(MouseButton.PRIMARY);
        assertThat(live.cluster().selectionProperty().get()).isNull();
        Bounds moved = topology().tileBoundsOnScreen(target);
        assertThat(moved.getMinX()).isCloseTo(tile.getMinX() - 120, Offset.offset(2.0));
        assertThat(moved.getMinY()).isCloseTo(tile.getMinY() - 40, Offset.offset(2.0));
        robot.clickOn(centreOf(target));
        assertThat(live.cluster().selectionProperty().get()).isSameAs(target);
    }

    @Test
    void aFailedServerIsRedAndAHealthyOneGreen(FxRobot robot) {
        settle(robot);
        Color down = pixelAt(robot, centreOf(server(DOWN)));
        Color up = pixelAt(robot, centreOf(server("s7-r4")));
        assertThat(down.getRed()).isGreaterThan(down.getGreen());
        assertThat(up.getGreen()).isGreaterThan(up.getRed());

        // the agent reports it back up, and another one down: the tiles follow on the next frame
        long before = topology().tileRedraws();
        robot.interact(() -> live.status("lb-a", sim.status("lb-a", Role.MASTER, Set.of("s9-r0"))));
        redrawn(before);
        Color recovered = pixelAt(robot, centreOf(server(DOWN)));
        Color failed = pixelAt(robot, centreOf(server("s9-r0")));
        assertThat(recovered.getGreen()).isGreaterThan(recovered.getRed());
        assertThat(failed.getRed()).isGreaterThan(failed.getGreen());
    }

    @Test
    void aSecondOfFiguresForAThousandServersRedrawsTheCanvasOnce(FxRobot robot) {
        settle(robot);
        long before = topology().tileRedraws();
        // one snapshot touches all 1,000 servers (and every one of their figures), then a health change
        robot.interact(() -> {
            live.counters("lb-a", sim.snapshot(System.currentTimeMillis() + 1000, 3, 1.2));
            live.status("lb-a", sim.status("lb-a", Role.MASTER, Set.of(DOWN)));
        });
        redrawn(before);
        robot.sleep(200); // more pulses: nothing else is left to draw
        robot.interact(() -> { });
        assertThat(topology().tileRedraws() - before).isEqualTo(1);
    }

    @Test
    void rightClickOnATileOffersTheRuntimeActions(FxRobot robot) {
        settle(robot);
        RealServerItem target = server("s12-r2");
        robot.clickOn(centreOf(target), MouseButton.SECONDARY);
        assertThat(live.cluster().selectionProperty().get()).isSameAs(target);
        assertThat(window.pane().runtime().targetProperty().get()).isNotNull();
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void fittedAndZoomedScreenshotsInLightAndDark(FxRobot robot) throws Exception {
        Files.createDirectories(ScreenshotTest.DIR);
        for (boolean dark : new boolean[] {false, true}) {
            if (theme.darkProperty().get() != dark) {
                robot.interact(theme::toggle);
            }
            settle(robot);
            RealServerItem selected = server("s0-r1");
            long selecting = topology().tileRedraws();
            robot.interact(() -> {
                live.cluster().selectionProperty().set(null);
                live.cluster().selectionProperty().set(selected);
            });
            redrawn(selecting);
            Path fitted = ScreenshotTest.DIR.resolve("large-1000-fit" + (dark ? "-dark" : "-light") + ".png");
            AtomicReference<WritableImage> image = new AtomicReference<>();
            robot.interact(() -> image.set(window.getScene().snapshot(null)));
            ScreenshotTest.write(image.get(), fitted);
            long zooming = topology().tileRedraws();
            robot.interact(() -> {
                for (int i = 0; i < 10; i++) {
                    topology().zoomPane().zoomIn();
                }
            });
            redrawn(zooming);
            Path zoomed = ScreenshotTest.DIR.resolve("large-1000-zoomed" + (dark ? "-dark" : "-light") + ".png");
            robot.interact(() -> image.set(window.getScene().snapshot(null)));
            ScreenshotTest.write(image.get(), zoomed);
            assertThat(Files.size(fitted)).isGreaterThan(20_000);
            assertThat(Files.size(zoomed)).isGreaterThan(20_000);
        }
    }
}
