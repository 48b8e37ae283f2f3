package io.ballast.app.topology;

import io.ballast.model.VirtualService;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;

/** The frame around one service's real servers, titled with the service. */
final class ServiceGroupFrame extends Pane {

    ServiceGroupFrame(VipItem vip, TopologyLayout.Box box) {
        getStyleClass().add(DiagramStyles.GROUP);
        VirtualService vs = vip.service();
        Label title = new Label(vip.title() + "  ·  " + vip.key() + "  ·  "
                + (vs.forwarding() == null ? "" : vs.forwarding().name().toLowerCase(Locale.ROOT)));
        title.getStyleClass().add(DiagramStyles.GROUP_TITLE);
        title.relocate(12, 8);
        getChildren().add(title);
        relocate(box.x(), box.y());
        setPrefSize(box.w(), box.h());
        resize(box.w(), box.h());
        setMouseTransparent(true);
    }
}
