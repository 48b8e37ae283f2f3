package io.ballast.app.topology;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A box of the diagram: a health strip on the left, an icon, a title, a subtitle and a line of
 * live figures, and an optional badge. Subclasses bind these to their item.
 */
class DiagramCard extends HBox {

    protected final Region strip = new Region();
    protected final FontIcon icon;
    protected final Label title = new Label();
    protected final Label subtitle = new Label();
    protected final Label figures = new Label();
    protected final VBox text;
    private final Object item;

    DiagramCard(Object item, Ikon ikon, String kindStyle, TopologyLayout.Box box) {
        this.item = item;
        getStyleClass().addAll(DiagramStyles.CARD, kindStyle);
        strip.getStyleClass().add(DiagramStyles.HEALTH_STRIP);
        strip.setMinWidth(5);
        strip.setPrefWidth(5);
        strip.setMaxHeight(Double.MAX_VALUE);
        icon = new FontIcon(ikon);
        icon.getStyleClass().add(DiagramStyles.CARD_ICON);
        title.getStyleClass().add(DiagramStyles.CARD_TITLE);
        subtitle.getStyleClass().add(DiagramStyles.CARD_SUBTITLE);
        figures.getStyleClass().add(DiagramStyles.CARD_FIGURES);
        title.setMinWidth(0);
        subtitle.setMinWidth(0);
        figures.setMinWidth(0);
        text = new VBox(1, title, subtitle, figures);
        text.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(text, Priority.ALWAYS);
        VBox iconBox = new VBox(icon);
        iconBox.setAlignment(Pos.CENTER);
        iconBox.setMinWidth(30);
        getChildren().addAll(strip, iconBox, text);
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        relocate(box.x(), box.y());
        setMinSize(box.w(), box.h());
        setPrefSize(box.w(), box.h());
        setMaxSize(box.w(), box.h());
    }

    Object item() {
        return item;
    }

    void setSelected(boolean selected) {
        if (selected) {
            if (!getStyleClass().contains(DiagramStyles.SELECTED)) {
                getStyleClass().add(DiagramStyles.SELECTED);
            }
        } else {
            getStyleClass().remove(DiagramStyles.SELECTED);
        }
    }

    /** Replaces whichever of {@code family} the strip had by {@code style}. */
    protected static void swapStyle(Region node, String[] family, String style) {
        if (node.getStyleClass().contains(style)) {
            return;
        }
        node.getStyleClass().removeAll(family);
        node.getStyleClass().add(style);
    }
}
