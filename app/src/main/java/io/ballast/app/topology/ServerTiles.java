package io.ballast.app.topology;

import io.ballast.app.metrics.Units;
import io.ballast.model.AdminState;
import io.ballast.model.OsType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The real servers of a large diagram and their service frames, drawn on one canvas that covers
 * the diagram's window at screen resolution. A thousand boxes as nodes cost a thousand CSS
 * passes, layouts and cached bitmaps scaled on every frame; here each frame only copies the
 * canvas, and the canvas is redrawn at most once per pulse, when figures, health, selection,
 * theme, zoom or pan changed, and only for tiles inside the window. Same look as a ServerCard:
 * health strip, icon, name, address and figures; zoomed far out, coloured tiles.
 */
final class ServerTiles {

    /** One service's frame and its servers' tiles, in diagram coordinates. */
    private record Group(String title, TopologyLayout.Box frame, List<RealServerItem> servers, List<TopologyLayout.Box> boxes) {
    }

    private final Canvas canvas = new Canvas();
    private final ZoomPane view;
    private final TilePalette palette;
    private final List<Group> groups = new ArrayList<>();
    private final Map<String, Glyph> glyphs = new HashMap<>();
    private Object selected;
    private boolean dirty = true;
    private long draws;

    ServerTiles(ZoomPane view, TilePalette palette) {
        this.view = view;
        this.palette = palette;
        view.setOverlay(canvas);
        view.addViewListener(o -> invalidate());
        canvas.widthProperty().addListener(o -> invalidate());
        canvas.heightProperty().addListener(o -> invalidate());
        palette.onChange(this::invalidate);
    }

    void addGroup(VipItem vip, TopologyLayout.Box frame, List<RealServerItem> servers, List<TopologyLayout.Box> boxes) {
        String forwarding = vip.service().forwarding() == null ? "" : vip.service().forwarding().name().toLowerCase(Locale.ROOT);
        groups.add(new Group(vip.title() + "  ·  " + vip.key() + "  ·  " + forwarding, frame, List.copyOf(servers), List.copyOf(boxes)));
        // a change marks the canvas; the redraw waits for the next pulse, so a thousand changes cost one
        servers.forEach(rs -> {
            rs.changedProperty().addListener(o -> invalidate());
            rs.weightProperty().addListener(o -> invalidate());
        });
        invalidate();
    }

    void clear() {
        groups.clear();
        invalidate();
    }

    void detach() {
        view.setOverlay(null);
    }

    int size() {
        return groups.stream().mapToInt(g -> g.servers().size()).sum();
    }

    void select(Object item) {
        selected = item;
        invalidate();
    }

    void invalidate() {
        dirty = true;
    }

    /** How often the canvas was redrawn: lets tests see that updates are coalesced. */
    long draws() {
        return draws;
    }

    /** Redraws if something changed since the last pulse; called once per pulse. */
    void redrawIfDirty() {
        if (dirty) {
            dirty = false;
            draw();
        }
    }

    /** The real server whose tile is under a point of the diagram's window, or null. */
    RealServerItem itemAt(double x, double y) {
        Point2D p = view.toContent(x, y);
        for (Group group : groups) {
            if (!contains(group.frame(), p)) {
                continue;
            }
            for (int i = 0; i < group.boxes().size(); i++) {
                if (contains(group.boxes().get(i), p)) {
                    return group.servers().get(i);
                }
            }
        }
        return null;
    }

    /** Where a server's tile is, in the diagram window's coordinates; null if it has no tile. */
    Bounds boundsOf(RealServerItem item) {
        for (Group group : groups) {
            int i = group.servers().indexOf(item);
            if (i >= 0) {
                TopologyLayout.Box box = group.boxes().get(i);
                Point2D p = view.fromContent(box.x(), box.y());
                double z = view.zoomProperty().get();
                return new BoundingBox(p.getX(), p.getY(), box.w() * z, box.h() * z);
            }
        }
        return null;
    }

    /**
     * An empty region over the tiles' area, for the picture: it draws nothing, but makes the
     * picture's bounds (and so fit-to-window) include the servers the canvas draws.
     */
    javafx.scene.Node area() {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = 0;
        double maxY = 0;
        for (Group group : groups) {
            TopologyLayout.Box f = group.frame();
            minX = Math.min(minX, f.x());
            minY = Math.min(minY, f.y());
            maxX = Math.max(maxX, f.right());
            maxY = Math.max(maxY, f.y() + f.h());
        }
        javafx.scene.layout.Region area = new javafx.scene.layout.Region();
        area.setMouseTransparent(true);
        area.setManaged(false);
        if (!groups.isEmpty()) {
            area.resizeRelocate(minX, minY, maxX - minX, maxY - minY);
        }
        return area;
    }

    private static boolean contains(TopologyLayout.Box box, Point2D p) {
        return p.getX() >= box.x() && p.getX() <= box.right() && p.getY() >= box.y() && p.getY() <= box.y() + box.h();
    }

    private void draw() {
        draws++;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.clearRect(0, 0, width, height);
        double z = view.zoomProperty().get();
        double tx = view.translateX();
        double ty = view.translateY();
        boolean far = z < TopologyView.FAR_ZOOM;
        String family = Font.getDefault().getFamily();
        Font titleFont = Font.font(family, FontWeight.BOLD, 13 * z);
        Font smallFont = Font.font(family, FontWeight.NORMAL, 11 * z);
        Font groupFont = Font.font(family, FontWeight.BOLD, 11 * z);
        g.setTextBaseline(VPos.BASELINE);
        g.setTextAlign(TextAlignment.LEFT);
        for (Group group : groups) {
            TopologyLayout.Box f = group.frame();
            double fx = tx + f.x() * z;
            double fy = ty + f.y() * z;
            if (fx > width || fy > height || fx + f.w() * z < 0 || fy + f.h() * z < 0) {
                continue; // outside the window: neither the frame nor its tiles
            }
            drawFrame(g, group.title(), fx, fy, f.w() * z, f.h() * z, z, groupFont);
            for (int i = 0; i < group.servers().size(); i++) {
                TopologyLayout.Box b = group.boxes().get(i);
                double x = tx + b.x() * z;
                double y = ty + b.y() * z;
                double w = b.w() * z;
                double h = b.h() * z;
                if (x > width || y > height || x + w < 0 || y + h < 0) {
                    continue;
                }
                drawTile(g, group.servers().get(i), x, y, w, h, z, far, titleFont, smallFont);
            }
        }
    }

    private void drawFrame(GraphicsContext g, String title, double x, double y, double w, double h, double z, Font font) {
        double r = 20 * z;
        g.setFill(palette.get(TilePalette.Hue.GROUP));
        g.fillRoundRect(x, y, w, h, r, r);
        g.setStroke(palette.get(TilePalette.Hue.GROUP_BORDER));
        g.setLineWidth(1);
        g.setLineDashes(6, 4);
        g.strokeRoundRect(x + 0.5, y + 0.5, w - 1, h - 1, r, r);
        g.setLineDashes((double[]) null);
        if (z >= 0.3) {
            g.setFill(palette.get(TilePalette.Hue.TEXT_MUTED));
            g.setFont(font);
            g.fillText(title, x + 12 * z, y + 20 * z, w - 24 * z);
        }
    }

    private void drawTile(GraphicsContext g, RealServerItem rs, double x, double y, double w, double h, double z,
                          boolean far, Font titleFont, Font smallFont) {
        Health health = rs.healthProperty().get();
        double r = 16 * z;
        g.setFill(palette.fill(health, far));
        g.fillRoundRect(x, y, w, h, r, r);
        if (!far || z >= 0.25) {
            // the strip: the left 5 px of the card, in the health colour
            g.save();
            g.beginPath();
            g.rect(x, y, 5 * z, h);
            g.clip();
            g.setFill(palette.strip(health));
            g.fillRoundRect(x, y, w, h, r, r);
            g.restore();
        }
        if (rs == selected) {
            g.setStroke(palette.get(TilePalette.Hue.SELECTED));
            g.setLineWidth(Math.max(2, 2 * z));
            g.strokeRoundRect(x, y, w, h, r, r);
        } else if (z >= 0.25) {
            g.setStroke(palette.get(TilePalette.Hue.TILE_BORDER));
            g.setLineWidth(1);
            g.strokeRoundRect(x + 0.5, y + 0.5, w - 1, h - 1, r, r);
        }
        if (far) {
            return; // zoomed far out the text is unreadable: coloured tiles only, as the cards do
        }
        Glyph icon = glyph(rs.server().os() == OsType.WINDOWS ? Material2AL.DESKTOP_WINDOWS : Material2AL.DNS);
        double iconSize = 22 * z;
        g.setFill(palette.icon(health));
        g.setFont(Font.font(icon.family(), iconSize));
        g.setTextBaseline(VPos.CENTER);
        g.fillText(icon.text(), x + (13 + 4) * z, y + h / 2);
        g.setTextBaseline(VPos.BASELINE);
        double textX = x + 51 * z;
        double textW = w - 61 * z;
        g.setFill(palette.get(TilePalette.Hue.TEXT));
        g.setFont(titleFont);
        g.fillText(rs.title(), textX, y + 19 * z, textW);
        g.setFill(palette.get(TilePalette.Hue.TEXT_MUTED));
        g.setFont(smallFont);
        g.fillText(subtitle(rs), textX, y + 34 * z, textW);
        g.setFill(palette.get(TilePalette.Hue.TEXT));
        g.fillText(figures(rs), textX, y + 49 * z, textW);
    }

    /** The same lines a ServerCard shows. */
    static String subtitle(RealServerItem rs) {
        AdminState state = rs.server().state();
        return rs.key() + (state != AdminState.ACTIVE ? " · " + state.name().toLowerCase(Locale.ROOT) : "");
    }

    static String figures(RealServerItem rs) {
        return "w " + rs.weightProperty().get() + " · " + Units.count(rs.activeConnectionsProperty().get()) + " conns · "
                + Units.bytesPerSecond(rs.throughputProperty().get());
    }

    /** An icon font's glyph, drawn as text: crisp at any zoom, coloured per tile, no bitmap to scale. */
    private record Glyph(String family, String text) {
    }

    private Glyph glyph(Ikon ikon) {
        return glyphs.computeIfAbsent(ikon.getDescription(), k -> {
            // FontIcon resolves (and loads) the icon font and the glyph's character; read them before any CSS
            FontIcon icon = new FontIcon(ikon);
            return new Glyph(icon.getFont().getFamily(), icon.getText());
        });
    }
}
