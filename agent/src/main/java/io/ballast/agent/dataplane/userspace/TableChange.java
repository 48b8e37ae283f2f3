package io.ballast.agent.dataplane.userspace;

import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.model.Addresses;
import io.ballast.model.Protocol;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;
import io.ballast.model.plan.AddService;
import io.ballast.model.plan.Operation;
import io.ballast.model.plan.Plan;
import io.ballast.model.plan.PlanApplier;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies a plan all or nothing. Everything that can fail — the plan fitting the table, addresses,
 * protocols, binding new listeners — happens first, without touching what runs; only then are the
 * running services changed, which cannot fail. A failure closes the listeners this plan opened and
 * throws, naming the step.
 */
final class TableChange {

    private final UserspaceDataPlane plane;

    TableChange(UserspaceDataPlane plane) {
        this.plane = plane;
    }

    /** Returns the new table; on failure {@code services} and the old table are as they were. */
    List<VirtualService> apply(Plan plan, List<VirtualService> table, Map<ServiceKey, ServiceRuntime> services,
                               boolean active) throws DataPlaneException {
        List<VirtualService> target;
        try {
            target = PlanApplier.apply(plan, table).stream().map(VirtualService::asTableEntry).toList();
        } catch (IllegalStateException e) {
            throw new DataPlaneException("userspace data plane: the plan does not fit its table (" + e.getMessage()
                    + "); read the table again and plan from it");
        }
        Map<ServiceKey, ServiceRuntime> created = new LinkedHashMap<>();
        try {
            for (VirtualService service : target) {
                checkSupported(plan, service);
                ServiceRuntime existing = services.get(service.key());
                if (existing == null) {
                    ServiceRuntime runtime = newRuntime(plan, service);
                    created.put(service.key(), runtime);
                    if (active) {
                        listen(runtime, step(plan, service.key()));
                    }
                } else {
                    checkAddresses(plan, service);
                }
            }
        } catch (DataPlaneException | RuntimeException e) {
            created.values().forEach(ServiceRuntime::closeListener);
            throw e;
        }
        // from here on nothing can fail: change what runs
        Map<ServiceKey, ServiceRuntime> next = new LinkedHashMap<>();
        for (VirtualService service : target) {
            ServiceRuntime runtime = created.get(service.key());
            if (runtime == null) {
                runtime = services.get(service.key());
                if (!runtime.spec().equals(service)) {
                    runtime.update(service);
                }
            }
            next.put(service.key(), runtime);
        }
        for (Map.Entry<ServiceKey, ServiceRuntime> old : services.entrySet()) {
            if (!next.containsKey(old.getKey())) {
                old.getValue().retire();
            }
        }
        services.clear();
        services.putAll(next);
        return target;
    }

    /** Opens every service's listener; if one cannot bind, closes those opened here and throws. */
    void openListeners(Map<ServiceKey, ServiceRuntime> services) throws DataPlaneException {
        List<ServiceRuntime> opened = new ArrayList<>();
        try {
            for (ServiceRuntime runtime : services.values()) {
                listen(runtime, runtime.spec().key() + " — become active");
                opened.add(runtime);
            }
        } catch (DataPlaneException e) {
            opened.forEach(ServiceRuntime::closeListener);
            throw e;
        }
    }

    private void listen(ServiceRuntime runtime, String step) throws DataPlaneException {
        UserspaceSettings settings = plane.settings();
        try {
            if (runtime.spec().protocol() == Protocol.UDP) {
                runtime.listener(UdpListener.open(plane.loop(), runtime, settings.udpIdleTimeoutMillis(),
                        plane.datagramBuffer()));
            } else {
                runtime.listener(TcpListener.open(plane.loop(), runtime, settings.bufferBytes(),
                        settings.connectTimeoutMillis()));
            }
        } catch (IOException e) {
            throw new DataPlaneException(step + ": cannot listen: " + reason(e), e);
        }
    }

    private ServiceRuntime newRuntime(Plan plan, VirtualService service) throws DataPlaneException {
        try {
            return new ServiceRuntime(service, TableChange::literal, plane.settings().schedulers(),
                    plane.settings().expireQuiescentTemplate());
        } catch (IllegalArgumentException e) {
            throw new DataPlaneException(step(plan, service.key()) + ": " + e.getMessage());
        }
    }

    private void checkAddresses(Plan plan, VirtualService service) throws DataPlaneException {
        try {
            service.realServers().forEach(rs -> literal(rs.address()));
            if (service.sorryServer() != null) {
                literal(service.sorryServer().address());
            }
            if (service.persistence() != null) {
                PersistenceTemplates.mask(service.persistence().netmask(), service.isIpv6() ? 16 : 4);
            }
        } catch (IllegalArgumentException e) {
            throw new DataPlaneException(step(plan, service.key()) + ": " + e.getMessage());
        }
    }

    private static void checkSupported(Plan plan, VirtualService service) throws DataPlaneException {
        if (service.firewallMark() != null) {
            throw new DataPlaneException(step(plan, service.key())
                    + ": the userspace plane cannot balance firewall-mark services; use the ipvs or nftables plane");
        }
        if (service.protocol() != Protocol.TCP && service.protocol() != Protocol.UDP) {
            throw new DataPlaneException(step(plan, service.key()) + ": the userspace plane balances tcp and udp, not "
                    + String.valueOf(service.protocol()).toLowerCase(Locale.ROOT));
        }
    }

    static InetAddress literal(String text) {
        return Addresses.parse(text).orElseThrow(() -> new IllegalArgumentException(
                "'" + text + "' is not an IP address literal"));
    }

    /** The words naming the plan step that touches {@code key}, as in "tcp/… — add service". */
    private static String step(Plan plan, ServiceKey key) {
        for (Operation op : plan.operations()) {
            if (op.service().equals(key)) {
                String summary = op.summary();
                if (op instanceof AddService) {
                    return key + " — add service";
                }
                return summary;
            }
        }
        return key.toString();
    }

    /** "Address already in use" reads as "address already in use" inside a sentence. */
    private static String reason(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
}
