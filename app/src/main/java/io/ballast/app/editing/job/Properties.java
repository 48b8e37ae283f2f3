package io.ballast.app.editing.job;

import io.ballast.model.AdminState;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.FailoverSettings;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.OsType;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import java.util.List;

/** The fields the inspector edits, per record type, in the order it shows them. */
public final class Properties {

    private Properties() {
    }

    // --- real server
    public static final Property<RealServer, String> SERVER_NAME = new Property<>("name", "Name", String.class,
            RealServer::name, (r, v) -> new RealServer(v, r.address(), r.port(), r.weight(), r.forwarding(),
                    r.upperThreshold(), r.lowerThreshold(), r.os(), r.state()));
    public static final Property<RealServer, String> SERVER_ADDRESS = new Property<>("address", "Address", String.class,
            RealServer::address, (r, v) -> new RealServer(r.name(), v, r.port(), r.weight(), r.forwarding(),
                    r.upperThreshold(), r.lowerThreshold(), r.os(), r.state()));
    public static final Property<RealServer, Integer> SERVER_PORT = new Property<>("port", "Port", Integer.class,
            RealServer::port, (r, v) -> new RealServer(r.name(), r.address(), v, r.weight(), r.forwarding(),
                    r.upperThreshold(), r.lowerThreshold(), r.os(), r.state()));
    public static final Property<RealServer, Integer> SERVER_WEIGHT = new Property<>("weight", "Weight", Integer.class,
            RealServer::weight, RealServer::withWeight);
    public static final Property<RealServer, ForwardingMethod> SERVER_FORWARDING = new Property<>("forwarding",
            "Forwarding", ForwardingMethod.class, RealServer::forwarding,
            (r, v) -> new RealServer(r.name(), r.address(), r.port(), r.weight(), v,
                    r.upperThreshold(), r.lowerThreshold(), r.os(), r.state()));
    public static final Property<RealServer, Integer> SERVER_UPPER = new Property<>("upperThreshold",
            "Upper threshold", Integer.class, RealServer::upperThreshold,
            (r, v) -> new RealServer(r.name(), r.address(), r.port(), r.weight(), r.forwarding(),
                    v, r.lowerThreshold(), r.os(), r.state()));
    public static final Property<RealServer, Integer> SERVER_LOWER = new Property<>("lowerThreshold",
            "Lower threshold", Integer.class, RealServer::lowerThreshold,
            (r, v) -> new RealServer(r.name(), r.address(), r.port(), r.weight(), r.forwarding(),
                    r.upperThreshold(), v, r.os(), r.state()));
    public static final Property<RealServer, OsType> SERVER_OS = new Property<>("os", "Operating system", OsType.class,
            RealServer::os, (r, v) -> new RealServer(r.name(), r.address(), r.port(), r.weight(), r.forwarding(),
                    r.upperThreshold(), r.lowerThreshold(), v, r.state()));
    public static final Property<RealServer, AdminState> SERVER_STATE = new Property<>("state", "State",
            AdminState.class, RealServer::state, RealServer::withState);

    public static final List<Property<RealServer, ?>> REAL_SERVER = List.of(SERVER_NAME, SERVER_ADDRESS, SERVER_PORT,
            SERVER_WEIGHT, SERVER_FORWARDING, SERVER_UPPER, SERVER_LOWER, SERVER_OS, SERVER_STATE);

    // --- virtual service
    public static final Property<VirtualService, String> SERVICE_NAME = new Property<>("name", "Name", String.class,
            VirtualService::name, (s, v) -> new VirtualService(v, s.protocol(), s.address(), s.port(), s.firewallMark(),
                    s.addressFamily(), s.scheduler(), s.schedulerFlags(), s.persistence(), s.forwarding(),
                    s.sorryServer(), s.healthCheck(), s.realServers()));
    public static final Property<VirtualService, Protocol> SERVICE_PROTOCOL = new Property<>("protocol", "Protocol",
            Protocol.class, VirtualService::protocol, (s, v) -> new VirtualService(s.name(), v, s.address(), s.port(),
                    s.firewallMark(), s.addressFamily(), s.scheduler(), s.schedulerFlags(), s.persistence(),
                    s.forwarding(), s.sorryServer(), s.healthCheck(), s.realServers()));
    public static final Property<VirtualService, String> SERVICE_ADDRESS = new Property<>("address", "Virtual IP",
            String.class, VirtualService::address, (s, v) -> new VirtualService(s.name(), s.protocol(), v, s.port(),
                    s.firewallMark(), s.addressFamily(), s.scheduler(), s.schedulerFlags(), s.persistence(),
                    s.forwarding(), s.sorryServer(), s.healthCheck(), s.realServers()));
    public static final Property<VirtualService, Integer> SERVICE_PORT = new Property<>("port", "Port", Integer.class,
            VirtualService::port, (s, v) -> new VirtualService(s.name(), s.protocol(), s.address(), v,
                    s.firewallMark(), s.addressFamily(), s.scheduler(), s.schedulerFlags(), s.persistence(),
                    s.forwarding(), s.sorryServer(), s.healthCheck(), s.realServers()));
    public static final Property<VirtualService, Scheduler> SERVICE_SCHEDULER = new Property<>("scheduler", "Scheduler",
            Scheduler.class, VirtualService::scheduler, (s, v) -> new VirtualService(s.name(), s.protocol(),
                    s.address(), s.port(), s.firewallMark(), s.addressFamily(), v, s.schedulerFlags(), s.persistence(),
                    s.forwarding(), s.sorryServer(), s.healthCheck(), s.realServers()));
    public static final Property<VirtualService, ForwardingMethod> SERVICE_FORWARDING = new Property<>("forwarding",
            "Forwarding", ForwardingMethod.class, VirtualService::forwarding, (s, v) -> new VirtualService(s.name(),
                    s.protocol(), s.address(), s.port(), s.firewallMark(), s.addressFamily(), s.scheduler(),
                    s.schedulerFlags(), s.persistence(), v, s.sorryServer(), s.healthCheck(), s.realServers()));

    public static final List<Property<VirtualService, ?>> VIRTUAL_SERVICE = List.of(SERVICE_NAME, SERVICE_PROTOCOL,
            SERVICE_ADDRESS, SERVICE_PORT, SERVICE_SCHEDULER, SERVICE_FORWARDING);

    // --- director
    public static final Property<Director, String> DIRECTOR_ADDRESS = new Property<>("address", "Address", String.class,
            Director::address, (d, v) -> new Director(d.id(), v, d.agentEndpoint(), d.priority(), d.iface()));
    public static final Property<Director, String> DIRECTOR_ENDPOINT = new Property<>("agentEndpoint", "Agent endpoint",
            String.class, Director::agentEndpoint, (d, v) -> new Director(d.id(), d.address(), v, d.priority(), d.iface()));
    public static final Property<Director, Integer> DIRECTOR_PRIORITY = new Property<>("priority", "VRRP priority",
            Integer.class, Director::priority, (d, v) -> new Director(d.id(), d.address(), d.agentEndpoint(), v, d.iface()));
    public static final Property<Director, String> DIRECTOR_IFACE = new Property<>("iface", "Interface", String.class,
            Director::iface, (d, v) -> new Director(d.id(), d.address(), d.agentEndpoint(), d.priority(), v));

    public static final List<Property<Director, ?>> DIRECTOR = List.of(DIRECTOR_ADDRESS, DIRECTOR_ENDPOINT,
            DIRECTOR_PRIORITY, DIRECTOR_IFACE);

    // --- failover
    public static final Property<FailoverSettings, Integer> FAILOVER_VRID = new Property<>("vrid", "VRRP id",
            Integer.class, FailoverSettings::vrid, (f, v) -> new FailoverSettings(v, f.advertIntervalMs(), f.preempt(),
                    f.preemptDelaySeconds(), f.unicastPeers(), f.connectionSync(), f.gatewayVips()));
    public static final Property<FailoverSettings, Integer> FAILOVER_ADVERT = new Property<>("advertIntervalMs",
            "Advert interval (ms)", Integer.class, FailoverSettings::advertIntervalMs, (f, v) -> new FailoverSettings(
                    f.vrid(), v, f.preempt(), f.preemptDelaySeconds(), f.unicastPeers(), f.connectionSync(), f.gatewayVips()));
    public static final Property<FailoverSettings, Boolean> FAILOVER_PREEMPT = new Property<>("preempt", "Fail back",
            Boolean.class, FailoverSettings::preempt, (f, v) -> new FailoverSettings(f.vrid(), f.advertIntervalMs(), v,
                    f.preemptDelaySeconds(), f.unicastPeers(), f.connectionSync(), f.gatewayVips()));
    public static final Property<FailoverSettings, Integer> FAILOVER_PREEMPT_DELAY = new Property<>(
            "preemptDelaySeconds", "Fail-back delay (s)", Integer.class, FailoverSettings::preemptDelaySeconds,
            (f, v) -> new FailoverSettings(f.vrid(), f.advertIntervalMs(), f.preempt(), v, f.unicastPeers(),
                    f.connectionSync(), f.gatewayVips()));
    public static final Property<FailoverSettings, Boolean> FAILOVER_SYNC = new Property<>("connectionSync",
            "Connection sync", Boolean.class, FailoverSettings::connectionSync, (f, v) -> new FailoverSettings(f.vrid(),
                    f.advertIntervalMs(), f.preempt(), f.preemptDelaySeconds(), f.unicastPeers(), v, f.gatewayVips()));

    public static final List<Property<FailoverSettings, ?>> FAILOVER = List.of(FAILOVER_VRID, FAILOVER_ADVERT,
            FAILOVER_PREEMPT, FAILOVER_PREEMPT_DELAY, FAILOVER_SYNC);

    // --- cluster
    public static final Property<ClusterSpec, String> CLUSTER_NAME = new Property<>("name", "Cluster name", String.class,
            ClusterSpec::name, (c, v) -> new ClusterSpec(c.schemaVersion(), v, c.form(), c.revision(), c.directors(),
                    c.virtualServices(), c.failover()));
}
