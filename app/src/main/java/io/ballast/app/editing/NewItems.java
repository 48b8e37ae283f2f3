package io.ballast.app.editing;

import io.ballast.app.editing.job.SpecEdits;
import io.ballast.model.Addresses;
import io.ballast.model.ClusterSpec;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;
import java.util.List;

/** Defaults for what the palette creates: the operator edits them in the inspector. */
final class NewItems {

    private NewItems() {
    }

    static RealServer realServer(ClusterSpec spec, VirtualService service) {
        for (int host = 100; host < 255; host++) {
            String address = "198.51.100." + host;
            int port = service.port();
            if (SpecEdits.serverIndex(service, Addresses.endpoint(address, port)) < 0) {
                return RealServer.of("new-" + (service.realServers().size() + 1), address, port, 1);
            }
        }
        throw new IllegalStateException("no free placeholder address left in 198.51.100.100-254");
    }

    static VirtualService virtualService(ClusterSpec spec) {
        for (int port = 8080; port < 65535; port++) {
            if (SpecEdits.serviceIndex(spec, ServiceKey.of(Protocol.TCP, "203.0.113.10", port)) < 0) {
                return new VirtualService("new-service", Protocol.TCP, "203.0.113.10", port, null, null,
                        Scheduler.WLC, null, null, ForwardingMethod.NAT, null, null, List.of());
            }
        }
        throw new IllegalStateException("no free port left on 203.0.113.10");
    }
}
