package io.ballast.agent.dataplane.nftables;

import io.ballast.model.ForwardingMethod;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import io.ballast.model.api.Capabilities;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What the nftables plane does, and the sentence it gives for what it does not. */
public final class NftCapabilities {

    public static final Set<Scheduler> SCHEDULERS =
            EnumSet.of(Scheduler.RR, Scheduler.WRR, Scheduler.SH, Scheduler.DH, Scheduler.MH);

    public static final String NOTE = "nftables picks a real server per new connection from numgen/jhash maps and"
            + " never sees live connection counts, so lc, wlc, sed, nq, lblc, lblcr, fo, ovf and twos are refused"
            + " (the IPVS plane offers them), connection thresholds are not honoured, and forwarding is NAT only"
            + " because direct routing would need MAC rewriting in the netdev family outside conntrack.";

    private NftCapabilities() {
    }

    public static Capabilities capabilities() {
        return new Capabilities("nftables", false, SCHEDULERS, EnumSet.of(ForwardingMethod.NAT),
                EnumSet.of(Protocol.TCP, Protocol.UDP), true, true, false, true, NOTE);
    }

    /** Why a service with an unsupported scheduler is refused. */
    public static String refusal(VirtualService service) {
        Scheduler scheduler = service.scheduler();
        return "The nftables plane cannot run " + service.key() + " with scheduler " + scheduler.wireName()
                + " (" + scheduler.description() + "): it needs live connection counts, which nftables"
                + " does not keep; choose rr, wrr, sh, dh or mh, or run this service on the IPVS plane.";
    }

    /** Every reason the plane cannot hold these services; empty when it can. */
    public static List<String> problems(List<VirtualService> services) {
        List<String> problems = new ArrayList<>();
        for (VirtualService service : services) {
            if (service.scheduler() == null) {
                problems.add("The nftables plane needs a scheduler for " + service.key() + ".");
            } else if (!SCHEDULERS.contains(service.scheduler())) {
                problems.add(refusal(service));
            }
            if (service.protocol() == Protocol.SCTP) {
                problems.add("The nftables plane balances tcp and udp only; " + service.key()
                        + " is sctp, which the IPVS plane offers.");
            }
            if (service.forwarding() != ForwardingMethod.NAT) {
                problems.add(forwardingProblem(service.key().toString(), service.forwarding()));
            }
            boolean portZero = service.realServers().stream().anyMatch(s -> s.port() == 0);
            if (portZero && !service.realServers().stream().allMatch(s -> s.port() == 0)) {
                problems.add("The nftables plane needs the real servers of " + service.key() + " to have either"
                        + " all port 0 (keep the client's port) or all a port of their own, not a mix.");
            }
            for (RealServer server : service.realServers()) {
                ForwardingMethod method = server.effectiveForwarding(service.forwarding());
                if (method != ForwardingMethod.NAT && service.forwarding() == ForwardingMethod.NAT) {
                    problems.add(forwardingProblem(service.key() + " real server " + server.key(), method));
                }
                if (server.upperThreshold() != 0 || server.lowerThreshold() != 0) {
                    problems.add("The nftables plane cannot honour connection thresholds (" + service.key()
                            + " real server " + server.key() + "): it does not count live connections;"
                            + " set them to 0 or use the IPVS plane.");
                }
            }
        }
        return problems;
    }

    private static String forwardingProblem(String where, ForwardingMethod method) {
        return "The nftables plane forwards by NAT only; " + where + " asks for "
                + method.wireName().toUpperCase(Locale.ROOT) + ", which the IPVS plane offers.";
    }
}
