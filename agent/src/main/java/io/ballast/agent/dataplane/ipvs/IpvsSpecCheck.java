package io.ballast.agent.dataplane.ipvs;

import io.ballast.model.ForwardingMethod;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import io.ballast.model.api.Capabilities;

/** Refuses, with a sentence naming the plane and the kernel, a service this kernel's IPVS cannot hold as asked. */
public final class IpvsSpecCheck {

    private final Capabilities capabilities;
    private final String kernelRelease;

    public IpvsSpecCheck(Capabilities capabilities, String kernelRelease) {
        this.capabilities = capabilities;
        this.kernelRelease = kernelRelease;
    }

    /** Throws IllegalArgumentException naming the service and what is wrong. */
    public void check(VirtualService service) {
        if (!capabilities.schedulers().contains(service.scheduler())) {
            throw new IllegalArgumentException("the ipvs plane cannot run " + service.key() + ": kernel "
                    + kernelRelease + " has no scheduler '" + service.scheduler().wireName() + "' (module ip_vs_"
                    + service.scheduler().wireName() + "); choose one of " + capabilities.schedulers().stream()
                    .map(s -> s.wireName()).sorted().toList());
        }
        for (var flag : service.schedulerFlags()) {
            if (flag.scheduler() != service.scheduler()) {
                throw new IllegalArgumentException("the ipvs plane cannot run " + service.key() + ": flag "
                        + flag.wireName() + " belongs to the " + flag.scheduler().wireName() + " scheduler, not "
                        + service.scheduler().wireName());
            }
        }
        String sorry = service.sorryServer() == null ? null : service.sorryServer().endpoint();
        for (RealServer server : service.realServers()) {
            check(service, server);
            if (sorry != null && server.key().equals(sorry)) {
                throw new IllegalArgumentException("the ipvs plane cannot run " + service.key() + ": the sorry server "
                        + sorry + " is also one of its real servers; IPVS holds it as one destination");
            }
        }
    }

    /** Direct routing and tunnelling keep the service's port: the kernel ignores any other. */
    public void check(VirtualService service, RealServer server) {
        ForwardingMethod method = server.effectiveForwarding(service.forwarding());
        if (method != ForwardingMethod.NAT && service.firewallMark() == null && server.port() != service.port()) {
            throw new IllegalArgumentException("the ipvs plane cannot run " + service.key() + ": real server "
                    + server.key() + " uses " + method.wireName() + " forwarding, which keeps the service's port "
                    + service.port() + "; give it port " + service.port() + " or use nat");
        }
    }
}
