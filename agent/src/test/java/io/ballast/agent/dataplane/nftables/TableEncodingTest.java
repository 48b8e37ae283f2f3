package io.ballast.agent.dataplane.nftables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.model.AdminState;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.OsType;
import io.ballast.model.Persistence;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.SorryServer;
import io.ballast.model.VirtualService;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TableEncodingTest {

    @Test
    void serviceSettingsSurviveTheirComment() {
        VirtualService service = new VirtualService(null, Protocol.UDP, "2001:db8::10", 53, null, null, Scheduler.SH,
                Set.of(SchedulerFlag.SH_PORT, SchedulerFlag.SH_FALLBACK), new Persistence(600, "64"),
                ForwardingMethod.NAT, new SorryServer("2001:db8::99", 53), null, List.of());

        String comment = TableEncoding.serviceComment(service);
        VirtualService back = TableEncoding.decodeService(comment, service.sorryServer(), List.of());

        assertThat(back).isEqualTo(service);
        assertThat(comment.length()).isLessThanOrEqualTo(TableEncoding.MAX_COMMENT);
    }

    @Test
    void firewallMarkServiceKeepsItsFamily() {
        VirtualService service = new VirtualService(null, null, null, 0, 7, "inet6", Scheduler.WRR, Set.of(), null,
                ForwardingMethod.NAT, null, null, List.of());

        assertThat(TableEncoding.decodeService(TableEncoding.serviceComment(service), null, List.of()))
                .isEqualTo(service);
    }

    @Test
    void realServerSurvivesItsCommentAndLabel() {
        RealServer server = new RealServer("web \"4\" – east", "2001:db8:0:2::11", 8443, 65535, ForwardingMethod.NAT,
                0, 0, OsType.WINDOWS, AdminState.DRAIN);

        RealServer back = TableEncoding.decodeRealServer(TableEncoding.realServerComment(server),
                TableEncoding.labelComment(server.name()));

        assertThat(back).isEqualTo(server);
        assertThat(TableEncoding.labelComment(server.name())).startsWith("name=").doesNotContain("\"", " ");
    }

    @Test
    void overlongLabelIsCutToFitAComment() {
        String label = "x".repeat(300);

        assertThat(TableEncoding.labelComment(label)).hasSize(TableEncoding.MAX_COMMENT);
    }

    @Test
    void commentThatIsNotBallastsIsNotAService() {
        assertThat(TableEncoding.decodeService("added by hand", null, List.of())).isNull();
    }

    @Test
    void settingsTooLongForACommentAreRefusedWithASentence() {
        VirtualService service = new VirtualService(null, Protocol.TCP, "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", 65535,
                null, null, Scheduler.WRR, Set.of(SchedulerFlag.values()),
                new Persistence(2_000_000_000, "255.255.255.255".repeat(4)), ForwardingMethod.NAT, null, null, List.of());

        assertThatThrownBy(() -> TableEncoding.serviceComment(service))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("an nft comment holds 128");
    }
}
