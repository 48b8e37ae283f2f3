package io.ballast.app.lab;

import io.ballast.model.CheckType;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.FailAction;
import io.ballast.model.FailoverSettings;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.HealthCheck;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The cluster spec each lab preset runs: one web service on the VIP, checked over HTTP. */
final class LabSpecs {

    // The loopback lab's adverts: fast enough that a failover shows in a fraction of a second.
    static final int ADVERT_MS = 50;

    private LabSpecs() {
    }

    static ClusterSpec of(LabForm form, LabLayout layout, int advertMs) {
        List<Director> directors = new ArrayList<>();
        List<RealServer> servers = new ArrayList<>();
        for (int i = 0; i < layout.directors().size(); i++) {
            LabLayout.DirectorSlot slot = layout.directors().get(i);
            directors.add(new Director(slot.id(), slot.address(),
                    "https://" + slot.apiAddress() + ":" + slot.apiPort(), 150 - 50 * i, slot.iface()));
            if (form == LabForm.STREAMLINE) {
                servers.add(RealServer.of(slot.id(), slot.address(), slot.servicePort(), 1));
            }
        }
        int weight = 3;
        for (LabLayout.ServerSlot slot : layout.realServers()) {
            // Unequal weights make the balancing visible on the diagram.
            servers.add(RealServer.of(slot.id(), slot.address(), slot.port(), weight));
            weight = Math.max(1, weight - 1);
        }
        HealthCheck http = new HealthCheck(CheckType.HTTP, 1_000, 800, 2, 2, null, "/", null,
                List.of(200), null, List.of(), FailAction.QUIESCE);
        VirtualService web = new VirtualService("web", Protocol.TCP, layout.vip().getHostString(),
                layout.vip().getPort(), null, null, Scheduler.WRR, Set.of(), null, ForwardingMethod.NAT, null,
                http, servers);
        FailoverSettings failover = form == LabForm.SINGLE ? null
                : new FailoverSettings(51, advertMs, true, 2, List.of(), false, List.of());
        return new ClusterSpec(ClusterSpec.SCHEMA_VERSION, "lab-" + form.cliName(), form.form(), 1,
                directors, List.of(web), failover);
    }
}
