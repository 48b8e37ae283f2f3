package io.ballast.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.ClusterForm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyLayoutTest {

    @Test
    void columnsRunFromClientsThroughVipsAndDirectorsToRealServers() {
        TopologyLayout layout = TopologyLayout.of(ClusterForm.HA_PAIR, 3, 2, List.of(4, 3, 2));
        double vipX = layout.vips().get(0).x();
        double directorX = layout.directors().get(0).x();
        double groupX = layout.groups().get(0).frame().x();
        assertThat(layout.clients().right()).isLessThan(vipX);
        assertThat(layout.vips().get(0).right()).isLessThan(directorX);
        assertThat(layout.directors().get(0).right()).isLessThan(groupX);
    }

    @Test
    void smallClusterKeepsOneColumnOfServiceGroups() {
        TopologyLayout layout = TopologyLayout.of(ClusterForm.HA_PAIR, 3, 2, List.of(4, 3, 2));
        assertThat(layout.groups()).extracting(g -> g.frame().x()).containsOnly(layout.groups().get(0).frame().x());
    }

    @Test
    void thousandRealServersWrapIntoSeveralColumnsWithoutOverlap() {
        TopologyLayout layout = TopologyLayout.of(ClusterForm.HA_PAIR, 50, 2, Collections.nCopies(50, 20));
        assertThat(layout.groups().stream().mapToDouble(g -> g.frame().x()).distinct().count()).isGreaterThan(1);
        double vipColumn = layout.vips().get(49).y() + layout.vips().get(49).h();
        assertThat(layout.groups()).allSatisfy(g -> assertThat(g.frame().y() + g.frame().h()).isLessThanOrEqualTo(vipColumn + 1));
        assertNoOverlap(layout);
    }

    @Test
    void boxesNeverOverlapInAnyForm() {
        for (ClusterForm form : ClusterForm.values()) {
            assertNoOverlap(TopologyLayout.of(form, 5, form == ClusterForm.SINGLE ? 1 : 2, List.of(3, 1, 8, 2, 5)));
        }
    }

    @Test
    void realServersSitInsideTheirServiceGroup() {
        TopologyLayout layout = TopologyLayout.of(ClusterForm.SINGLE, 2, 1, List.of(3, 70));
        for (TopologyLayout.Group group : layout.groups()) {
            for (TopologyLayout.Box server : group.servers()) {
                assertThat(server.x()).isGreaterThanOrEqualTo(group.frame().x());
                assertThat(server.right()).isLessThanOrEqualTo(group.frame().right());
                assertThat(server.y()).isGreaterThanOrEqualTo(group.frame().y());
                assertThat(server.y() + server.h()).isLessThanOrEqualTo(group.frame().y() + group.frame().h());
            }
        }
    }

    private static void assertNoOverlap(TopologyLayout layout) {
        List<Map.Entry<String, TopologyLayout.Box>> boxes = new ArrayList<>(layout.allBoxes().entrySet());
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                String a = boxes.get(i).getKey();
                String b = boxes.get(j).getKey();
                if (b.startsWith(a + "/") || a.startsWith(b + "/")) {
                    continue;
                }
                assertThat(overlap(boxes.get(i).getValue(), boxes.get(j).getValue())).as(a + " and " + b).isFalse();
            }
        }
    }

    private static boolean overlap(TopologyLayout.Box a, TopologyLayout.Box b) {
        return a.x() < b.right() && b.x() < a.right() && a.y() < b.y() + b.h() && b.y() < a.y() + a.h();
    }
}
