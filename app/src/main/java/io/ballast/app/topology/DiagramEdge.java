package io.ballast.app.topology;

import javafx.scene.shape.CubicCurve;

/** A link of the diagram; its width follows the traffic it carries, relative to the busiest link of its kind. */
final class DiagramEdge extends CubicCurve {

    static final double MIN_WIDTH = 1.2;
    static final double MAX_WIDTH = 9;

    private double dashScale = 1;

    DiagramEdge(double x1, double y1, double x2, double y2) {
        getStyleClass().add(DiagramStyles.EDGE);
        setMouseTransparent(true);
        setFill(null);
        connect(x1, y1, x2, y2);
        applyDashes();
    }

    void connect(double x1, double y1, double x2, double y2) {
        double bend = Math.max(40, Math.abs(x2 - x1) / 2);
        setStartX(x1);
        setStartY(y1);
        setEndX(x2);
        setEndY(y2);
        setControlX1(x1 + bend);
        setControlY1(y1);
        setControlX2(x2 - bend);
        setControlY2(y2);
    }

    /** A loop on the right-hand side, from one box in a column to another in the same column (streamline). */
    void arc(double x, double y1, double y2) {
        double reach = 70 + Math.abs(y2 - y1) * 0.15;
        setStartX(x);
        setStartY(y1);
        setEndX(x);
        setEndY(y2);
        setControlX1(x + reach);
        setControlY1(y1);
        setControlX2(x + reach);
        setControlY2(y2);
    }

    /** Square-root scale: a link at 1 % of the busiest is still visible, not a hairline. */
    void setLoad(double value, double max) {
        double fraction = max <= 0 ? 0 : Math.min(1, value / max);
        setStrokeWidth(MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * Math.sqrt(fraction));
    }

    void setKind(String kind) {
        if (getStyleClass().contains(kind)) {
            return;
        }
        getStyleClass().removeAll(DiagramStyles.EDGE_ACTIVE, DiagramStyles.EDGE_STANDBY, DiagramStyles.EDGE_DOWN);
        getStyleClass().add(kind);
        applyDashes();
    }

    /**
     * Dashes keep their length on screen (12/8 px flowing, 2/6 px dotted) whatever the zoom: zoomed
     * far out, dashes fixed in diagram units would shrink below a pixel, look solid and still cost
     * the software renderer every one of their thousands of pieces on every frame.
     */
    void setDashScale(double unitsPerPixel) {
        if (dashScale != unitsPerPixel) {
            dashScale = unitsPerPixel;
            applyDashes();
        }
    }

    private void applyDashes() {
        if (active()) {
            getStrokeDashArray().setAll(12 * dashScale, 8 * dashScale);
        } else {
            getStrokeDashArray().setAll(2 * dashScale, 6 * dashScale);
        }
    }

    boolean active() {
        return getStyleClass().contains(DiagramStyles.EDGE_ACTIVE);
    }
}
