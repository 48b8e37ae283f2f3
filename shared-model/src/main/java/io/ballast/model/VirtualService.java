package io.ballast.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Set;

/**
 * One service on a virtual IP (or firewall mark) and the real servers behind it.
 *
 * @param name           operator's label ("web"); optional
 * @param protocol       tcp, udp or sctp; null for a firewall-mark service
 * @param address        the VIP; null for a firewall-mark service
 * @param port           the VIP's port; 0 for a firewall-mark service
 * @param firewallMark   set for a firewall-mark service (ipvsadm -f), else null; unsigned 32 bits (1..4294967295)
 * @param addressFamily  for a firewall-mark service: "inet" or "inet6"; otherwise derived from the address
 * @param scheduler      one of the IPVS schedulers
 * @param schedulerFlags hashing flags (sh-fallback, mh-port…)
 * @param persistence    client affinity, or null
 * @param forwarding     default forwarding method of its real servers
 * @param sorryServer    takes the traffic when no real server can, or null
 * @param healthCheck    how its real servers are checked, or null for no checks
 * @param realServers    the destinations
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VirtualService(
        String name,
        Protocol protocol,
        String address,
        int port,
        @JsonSerialize(using = UnsignedIntJson.Serializer.class)
        @JsonDeserialize(using = UnsignedIntJson.Deserializer.class)
        Integer firewallMark,
        String addressFamily,
        @JsonProperty(required = true) Scheduler scheduler,
        Set<SchedulerFlag> schedulerFlags,
        Persistence persistence,
        ForwardingMethod forwarding,
        SorryServer sorryServer,
        HealthCheck healthCheck,
        List<RealServer> realServers) {

    public VirtualService {
        // Declaration order, so the JSON (and the spec hash) is the same on every JVM.
        schedulerFlags = SchedulerFlagSets.of(schedulerFlags);
        realServers = realServers == null ? List.of() : List.copyOf(realServers);
        forwarding = forwarding == null ? ForwardingMethod.NAT : forwarding;
    }

    /** The kernel's identity of this service. */
    @JsonIgnore
    public ServiceKey key() {
        return firewallMark != null ? ServiceKey.ofMark(firewallMark) : ServiceKey.of(protocol, address, port);
    }

    /** True when the VIP (or, for a mark, the declared family) is IPv6. */
    @JsonIgnore
    public boolean isIpv6() {
        if (firewallMark != null) {
            return "inet6".equals(addressFamily);
        }
        return address != null && address.contains(":");
    }

    public VirtualService withRealServers(List<RealServer> servers) {
        return new VirtualService(name, protocol, address, port, firewallMark, addressFamily, scheduler,
                schedulerFlags, persistence, forwarding, sorryServer, healthCheck, servers);
    }

    /** The same service without what the kernel does not hold (labels, health checks): a table entry. */
    public VirtualService asTableEntry() {
        return new VirtualService(null, protocol, address, port, firewallMark, addressFamily, scheduler,
                schedulerFlags, persistence, forwarding, sorryServer, null, realServers);
    }
}
