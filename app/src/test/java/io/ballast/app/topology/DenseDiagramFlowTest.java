package io.ballast.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.app.connection.ConnectionState;
import io.ballast.app.main.LiveCluster;
import io.ballast.app.testsupport.Simulator;
import io.ballast.app.testsupport.Specs;
import io.ballast.model.ClusterSpec;
import io.ballast.model.api.Role;
import java.util.Set;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Which links flow in a 1,000-server diagram: the fan-out over the server boxes stays still, so frames stay cheap. */
@ExtendWith(ApplicationExtension.class)
class DenseDiagramFlowTest {

    private TopologyView view;

    @Start
    void start(Stage stage) {
        ClusterSpec spec = Specs.large(50, 20);
        Simulator sim = new Simulator(spec);
        LiveCluster live = new LiveCluster(System::currentTimeMillis);
        live.config("lb-a", spec);
        live.connectionChanged("lb-a", ConnectionState.CONNECTED, "test");
        live.connectionChanged("lb-b", ConnectionState.CONNECTED, "test");
        live.status("lb-a", sim.status("lb-a", Role.MASTER, Set.of()));
        live.status("lb-b", sim.status("lb-b", Role.BACKUP, Set.of()));
        view = new TopologyView(live.cluster());
        stage.setScene(new Scene(view, 1440, 900));
        stage.show();
    }

    @Test
    void clientAndVipLinksFlowButTheFanOutToTheServiceGroupsDoesNot(FxRobot robot) {
        robot.interact(() -> {
            assertThat(view.cardCount()).isGreaterThan(TopologyView.DENSE_CARDS);
            // 50 client → VIP links and 50 VIP → master links; not the 50 master → group links.
            assertThat(view.flowingCount()).isEqualTo(100);
        });
    }
}
