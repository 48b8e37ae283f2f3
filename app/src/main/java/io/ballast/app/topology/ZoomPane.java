package io.ballast.app.topology;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.InvalidationListener;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/** Shows a large picture through a window: wheel zooms around the pointer, drag pans, fit shows everything. */
public final class ZoomPane extends Region {

    static final double MIN_ZOOM = 0.05;
    static final double MAX_ZOOM = 4;
    private static final double STEP = 1.2;
    private static final double FIT_MARGIN = 24;

    private final Node content;
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Translate translate = new Translate();
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private double dragX;
    private double dragY;
    private Node overlay;

    public ZoomPane(Node content) {
        this.content = content;
        content.getTransforms().addAll(translate, scale);
        getChildren().add(content);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        zoom.addListener((o, a, b) -> {
            scale.setX(b.doubleValue());
            scale.setY(b.doubleValue());
        });
        setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                zoomAround(e.getDeltaY() > 0 ? STEP : 1 / STEP, e.getX(), e.getY());
            }
            e.consume();
        });
        setOnMousePressed(e -> {
            if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.MIDDLE) {
                dragX = e.getX() - translate.getX();
                dragY = e.getY() - translate.getY();
            }
        });
        setOnMouseDragged(e -> {
            translate.setX(e.getX() - dragX);
            translate.setY(e.getY() - dragY);
        });
    }

    /**
     * A node drawn above the content in this pane's own coordinates, sized to the pane: the dense
     * part of the diagram draws itself there, at screen resolution, instead of as scaled content.
     */
    void setOverlay(javafx.scene.canvas.Canvas canvas) {
        if (overlay != null) {
            getChildren().remove(overlay);
        }
        overlay = canvas;
        if (canvas != null) {
            canvas.setMouseTransparent(true);
            getChildren().add(canvas);
            requestLayout();
        }
    }

    /** Called whenever zoom or pan changes what is visible. */
    void addViewListener(InvalidationListener listener) {
        zoom.addListener(listener);
        translate.xProperty().addListener(listener);
        translate.yProperty().addListener(listener);
    }

    /** A point of this pane (e.g. a mouse event's x/y) in the content's coordinates. */
    public Point2D toContent(double x, double y) {
        return new Point2D((x - translate.getX()) / zoom.get(), (y - translate.getY()) / zoom.get());
    }

    /** A point of the content in this pane's coordinates. */
    public Point2D fromContent(double x, double y) {
        return new Point2D(translate.getX() + x * zoom.get(), translate.getY() + y * zoom.get());
    }

    double translateX() {
        return translate.getX();
    }

    double translateY() {
        return translate.getY();
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public void zoomIn() {
        zoomAround(STEP, getWidth() / 2, getHeight() / 2);
    }

    public void zoomOut() {
        zoomAround(1 / STEP, getWidth() / 2, getHeight() / 2);
    }

    /** Scales and centres so the whole picture is visible (but never magnified beyond 1:1). */
    public void fit() {
        Bounds bounds = content.getBoundsInLocal();
        if (bounds.getWidth() <= 0 || bounds.getHeight() <= 0 || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        double z = Math.min((getWidth() - 2 * FIT_MARGIN) / bounds.getWidth(), (getHeight() - 2 * FIT_MARGIN) / bounds.getHeight());
        z = clamp(Math.min(z, 1));
        zoom.set(z);
        translate.setX((getWidth() - bounds.getWidth() * z) / 2 - bounds.getMinX() * z);
        translate.setY((getHeight() - bounds.getHeight() * z) / 2 - bounds.getMinY() * z);
    }

    private void zoomAround(double factor, double x, double y) {
        double old = zoom.get();
        double next = clamp(old * factor);
        double applied = next / old;
        translate.setX(x - (x - translate.getX()) * applied);
        translate.setY(y - (y - translate.getY()) * applied);
        zoom.set(next);
    }

    private static double clamp(double z) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
    }

    @Override
    protected void layoutChildren() {
        // the content keeps its own coordinates; only transforms move it; the overlay covers the pane
        if (overlay instanceof javafx.scene.canvas.Canvas canvas) {
            canvas.setWidth(Math.ceil(getWidth()));
            canvas.setHeight(Math.ceil(getHeight()));
        }
    }
}
