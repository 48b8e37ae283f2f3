package io.ballast.model.api;

import io.ballast.model.ForwardingMethod;
import io.ballast.model.Protocol;
import io.ballast.model.Scheduler;
import java.util.Set;

/**
 * What a data plane can do. A spec that asks for more is refused with a sentence naming the plane.
 *
 * @param plane             "userspace", "nftables" or "ipvs"
 * @param lab               true for the userspace plane, which is for the lab and tests only
 * @param schedulers        schedulers it implements
 * @param forwarding        forwarding methods it implements
 * @param protocols         transport protocols it balances
 * @param firewallMarks     whether firewall-mark services work
 * @param ipv6              whether IPv6 services work
 * @param thresholds        whether upper/lower connection thresholds are honoured
 * @param connectionSync    whether connections can be synchronised to a standby director
 * @param note              one sentence on what is missing and why (e.g. "kernel has no ip_vs_twos")
 */
public record Capabilities(
        String plane,
        boolean lab,
        Set<Scheduler> schedulers,
        Set<ForwardingMethod> forwarding,
        Set<Protocol> protocols,
        boolean firewallMarks,
        boolean ipv6,
        boolean thresholds,
        boolean connectionSync,
        String note) {

    public Capabilities {
        schedulers = Set.copyOf(schedulers);
        forwarding = Set.copyOf(forwarding);
        protocols = Set.copyOf(protocols);
    }
}
