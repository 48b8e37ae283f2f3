package io.ballast.app.topology;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.beans.property.DoubleProperty;
import javafx.scene.Group;
import javafx.scene.Node;

/**
 * The diagram's one animation timer: moves the dashes of the links that carry traffic (24 px/s on
 * screen, at any zoom) and, once per pulse, whatever else asked to draw then (the tiles).
 */
final class LinkFlow extends AnimationTimer {

    /** Above this many links the flow animation stops: a thousand moving dashes cost more than they tell. */
    static final int ANIMATION_LIMIT = 400;

    private final Group links;
    private final DoubleProperty zoom;
    private final List<DiagramEdge> flowing = new ArrayList<>();
    private Runnable everyPulse = () -> { };
    private long last;

    LinkFlow(Group links, DoubleProperty zoom) {
        this.links = links;
        this.zoom = zoom;
        zoom.addListener(o -> scaleDashes());
    }

    void setEveryPulse(Runnable action) {
        this.everyPulse = action;
    }

    /** A new link, with dashes of the current zoom's length. */
    DiagramEdge add(double x1, double y1, double x2, double y2) {
        DiagramEdge edge = new DiagramEdge(x1, y1, x2, y2);
        edge.setDashScale(1 / zoom.get());
        links.getChildren().add(edge);
        return edge;
    }

    /** Picks the links to move again: after their kind (active or not) or visibility changed. */
    void collect() {
        flowing.clear();
        if (links.getChildren().size() <= ANIMATION_LIMIT) {
            for (Node node : links.getChildren()) {
                DiagramEdge edge = (DiagramEdge) node;
                if (edge.active() && edge.isVisible()) {
                    flowing.add(edge);
                }
            }
        }
    }

    private void scaleDashes() {
        double unitsPerPixel = 1 / zoom.get();
        for (Node node : links.getChildren()) {
            ((DiagramEdge) node).setDashScale(unitsPerPixel);
        }
    }

    @Override
    public void handle(long now) {
        double dt = last == 0 ? 0 : (now - last) / 1e9;
        last = now;
        double speed = 24 / zoom.get();
        for (DiagramEdge edge : flowing) {
            edge.setStrokeDashOffset(edge.getStrokeDashOffset() - dt * speed);
        }
        everyPulse.run();
    }
}
