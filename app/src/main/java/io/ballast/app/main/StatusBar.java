package io.ballast.app.main;

import io.ballast.app.connection.ConnectionState;
import io.ballast.app.topology.ClusterViewModel;
import io.ballast.app.topology.DirectorItem;
import io.ballast.model.api.Role;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** One chip per director (connection and role, spec-hash mismatch), and the cluster's name and form. */
public final class StatusBar extends HBox {

    private final ClusterViewModel vm;
    private final HBox chips = new HBox(14);
    private final Label cluster = new Label();
    private final Label updated = new Label();

    public StatusBar(ClusterViewModel vm) {
        this.vm = vm;
        getStyleClass().add(AppStyles.STATUS_BAR);
        chips.setAlignment(Pos.CENTER_LEFT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(14);
        setPadding(new Insets(4, 12, 4, 12));
        getChildren().addAll(chips, spacer, updated, cluster);
        vm.structureProperty().addListener(o -> rebuild());
        rebuild();
    }

    /** "updated 12:04:31" or "no live data" on the right. */
    public void setUpdated(String text) {
        updated.setText(text);
    }

    private void rebuild() {
        chips.getChildren().clear();
        for (DirectorItem director : vm.directors()) {
            chips.getChildren().add(chip(director));
        }
        String form = vm.formProperty().get().name().replace('_', ' ').toLowerCase(Locale.ROOT);
        cluster.setText(vm.nameProperty().get().isEmpty() ? "" : vm.nameProperty().get() + " · " + form);
        cluster.getStyleClass().remove(AppStyles.STATUS_SPOF);
        cluster.setGraphic(null);
        if (vm.singlePointOfFailure() && !vm.directors().isEmpty()) {
            cluster.setText(cluster.getText() + " · no failover");
            cluster.getStyleClass().add(AppStyles.STATUS_SPOF);
            cluster.setGraphic(new FontIcon(Material2MZ.WARNING));
        }
    }

    private HBox chip(DirectorItem director) {
        Circle dot = new Circle(5);
        dot.getStyleClass().add(AppStyles.STATUS_DOT);
        Label text = new Label();
        text.getStyleClass().add(AppStyles.STATUS_TEXT);
        Label mismatch = new Label("spec mismatch", new FontIcon(Material2MZ.WARNING));
        mismatch.getStyleClass().add(AppStyles.STATUS_MISMATCH);
        HBox chip = new HBox(6, dot, text, mismatch);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add(AppStyles.STATUS_CHIP);
        Tooltip tip = new Tooltip();
        Tooltip.install(chip, tip);
        InvalidationListener refresh = o -> {
            ConnectionState state = director.connectionProperty().get();
            Role role = director.liveRole();
            text.setText(director.id() + "  " + (role != null ? role.name() : state.name().toLowerCase(Locale.ROOT)));
            String style = role == Role.MASTER || role != null && vm.singlePointOfFailure() && role != Role.FAULT ? AppStyles.STATUS_LIVE
                    : role == Role.BACKUP ? AppStyles.STATUS_STANDBY
                    : state == ConnectionState.CONNECTING || role == Role.INIT ? AppStyles.STATUS_WAITING
                    : AppStyles.STATUS_DOWN;
            dot.getStyleClass().removeAll(AppStyles.STATUS_LIVE, AppStyles.STATUS_STANDBY, AppStyles.STATUS_WAITING, AppStyles.STATUS_DOWN);
            dot.getStyleClass().add(style);
            boolean flagged = director.specMismatchProperty().get();
            mismatch.setVisible(flagged);
            mismatch.setManaged(flagged);
            tip.setText(director.connectionMessageProperty().get());
        };
        director.connectionProperty().addListener(refresh);
        director.badgeProperty().addListener(refresh);
        director.specMismatchProperty().addListener(refresh);
        director.connectionMessageProperty().addListener(refresh);
        refresh.invalidated(null);
        return chip;
    }
}
