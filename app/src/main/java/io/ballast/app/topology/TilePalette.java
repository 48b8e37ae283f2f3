package io.ballast.app.topology;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.layout.Background;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The theme's colours for what the diagram draws on a canvas. A canvas has no CSS, so each colour
 * is read from a zero-sized probe region whose background topology.css sets to the theme's
 * looked-up colour: light and dark themes (and a theme switch) reach the tiles like any card.
 */
final class TilePalette {

    /** One colour the tiles use: the probe's style class, and what to use before CSS has run. */
    enum Hue {
        TILE("tile-bg", "#ffffff"),
        TILE_BORDER("tile-border", "#d0d7de"),
        TILE_DOWN("tile-down", "#ffebe9"),
        TILE_FAR_UP("tile-far-up", "#dafbe1"),
        TILE_FAR_DRAINING("tile-far-draining", "#fff8c5"),
        STRIP_UP("strip-up", "#1f883d"),
        STRIP_DOWN("strip-down", "#cf222e"),
        STRIP_DRAINING("strip-draining", "#9a6700"),
        STRIP_MAINTENANCE("strip-maintenance", "#6e7781"),
        ICON_UP("icon-up", "#1a7f37"),
        ICON_DOWN("icon-down", "#d1242f"),
        ICON_DRAINING("icon-draining", "#9a6700"),
        ICON_OTHER("icon-other", "#636c76"),
        TEXT("text", "#1f2328"),
        TEXT_MUTED("text-muted", "#636c76"),
        SELECTED("selected", "#0969da"),
        GROUP("group-bg", "#f6f8fa"),
        GROUP_BORDER("group-border", "#d8dee4");

        final String styleClass;
        final Color fallback;

        Hue(String styleClass, String fallback) {
            this.styleClass = "tile-probe-" + styleClass;
            this.fallback = Color.web(fallback);
        }
    }

    static final String PROBE = "tile-probe";

    private final Pane probes = new Pane();
    private final Map<Hue, Region> regions = new EnumMap<>(Hue.class);

    TilePalette() {
        probes.setManaged(false);
        probes.setMouseTransparent(true);
        for (Hue hue : Hue.values()) {
            Region probe = new Region();
            probe.getStyleClass().addAll(PROBE, hue.styleClass);
            regions.put(hue, probe);
            probes.getChildren().add(probe);
        }
    }

    /** Zero-sized and unmanaged: must sit in the scene for CSS to reach the probes, draws nothing. */
    Pane probes() {
        return probes;
    }

    /** Runs {@code action} when the theme (CSS) changed a colour. */
    void onChange(Runnable action) {
        regions.values().forEach(r -> r.backgroundProperty().addListener(o -> action.run()));
    }

    Color get(Hue hue) {
        Background background = regions.get(hue).getBackground();
        if (background == null || background.getFills().isEmpty()) {
            return hue.fallback;
        }
        Paint fill = background.getFills().get(0).getFill();
        return fill instanceof Color color ? color : hue.fallback;
    }

    Color strip(Health health) {
        switch (health) {
            case UP:
                return get(Hue.STRIP_UP);
            case DOWN:
                return get(Hue.STRIP_DOWN);
            case DRAINING:
                return get(Hue.STRIP_DRAINING);
            case MAINTENANCE:
                return get(Hue.STRIP_MAINTENANCE);
            default:
                return get(Hue.TILE_BORDER);
        }
    }

    Color icon(Health health) {
        switch (health) {
            case UP:
                return get(Hue.ICON_UP);
            case DOWN:
                return get(Hue.ICON_DOWN);
            case DRAINING:
                return get(Hue.ICON_DRAINING);
            default:
                return get(Hue.ICON_OTHER);
        }
    }

    /** The tile's fill: red when down; zoomed far out, where text is hidden, also green / amber. */
    Color fill(Health health, boolean far) {
        if (health == Health.DOWN) {
            return get(Hue.TILE_DOWN);
        }
        if (far && health == Health.UP) {
            return get(Hue.TILE_FAR_UP);
        }
        if (far && health == Health.DRAINING) {
            return get(Hue.TILE_FAR_DRAINING);
        }
        return get(Hue.TILE);
    }
}
