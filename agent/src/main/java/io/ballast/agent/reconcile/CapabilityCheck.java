package io.ballast.agent.reconcile;

import io.ballast.model.ForwardingMethod;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import io.ballast.model.api.Capabilities;
import io.ballast.model.validate.Problem;
import java.util.ArrayList;
import java.util.List;

/** Refuses what the data plane cannot do, with a sentence that names the plane. */
public final class CapabilityCheck {

    private CapabilityCheck() {
    }

    public static List<Problem> problems(List<VirtualService> services, Capabilities caps) {
        List<Problem> problems = new ArrayList<>();
        String plane = "the " + caps.plane() + " data plane";
        for (int i = 0; i < services.size(); i++) {
            VirtualService vs = services.get(i);
            String at = "/virtualServices/" + i;
            if (vs.scheduler() != null && !caps.schedulers().contains(vs.scheduler())) {
                problems.add(new Problem(at + "/scheduler", plane + " does not implement the '"
                        + vs.scheduler().wireName() + "' scheduler; choose one of " + names(caps)));
            }
            if (vs.protocol() != null && !caps.protocols().contains(vs.protocol())) {
                problems.add(new Problem(at + "/protocol", plane + " does not balance " + vs.protocol()));
            }
            if (vs.firewallMark() != null && !caps.firewallMarks()) {
                problems.add(new Problem(at + "/firewallMark", plane + " has no firewall-mark services"));
            }
            if (vs.isIpv6() && !caps.ipv6()) {
                problems.add(new Problem(at + "/address", plane + " does not balance IPv6"));
            }
            forwarding(problems, plane, caps, at + "/forwarding", vs.forwarding());
            for (int j = 0; j < vs.realServers().size(); j++) {
                RealServer rs = vs.realServers().get(j);
                String rsAt = at + "/realServers/" + j;
                if (rs.forwarding() != null) {
                    forwarding(problems, plane, caps, rsAt + "/forwarding", rs.forwarding());
                }
                if ((rs.upperThreshold() > 0 || rs.lowerThreshold() > 0) && !caps.thresholds()) {
                    problems.add(new Problem(rsAt + "/upperThreshold", plane + " does not honour connection thresholds"));
                }
            }
        }
        return problems;
    }

    private static void forwarding(List<Problem> problems, String plane, Capabilities caps, String at, ForwardingMethod m) {
        if (!caps.forwarding().contains(m)) {
            problems.add(new Problem(at, plane + " cannot forward by " + m.wireName()));
        }
    }

    private static String names(Capabilities caps) {
        return caps.schedulers().stream().map(s -> s.wireName()).sorted().reduce((a, b) -> a + ", " + b).orElse("none");
    }
}
