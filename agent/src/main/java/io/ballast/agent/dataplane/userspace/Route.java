package io.ballast.agent.dataplane.userspace;

/**
 * Where one connection was sent, and the bookkeeping that follows it: the backend's and the
 * service's counters, the backend's overloaded flag, and the persistence template that placed it.
 */
final class Route {

    private final ServiceRuntime service;
    private final Backend backend;
    private final PersistenceTemplates.Template template;
    private ForwardedConnection connection;
    private boolean active;

    Route(ServiceRuntime service, Backend backend, PersistenceTemplates.Template template) {
        this.service = service;
        this.backend = backend;
        this.template = template;
    }

    Backend backend() {
        return backend;
    }

    ServiceRuntime service() {
        return service;
    }

    void bind(ForwardedConnection c, boolean startActive) {
        this.connection = c;
        this.active = startActive;
        backend.bind(c, startActive);
        TrafficCounters s = service.counters();
        s.connections++;
        if (startActive) {
            s.active++;
        } else {
            s.inactive++;
        }
        if (template != null) {
            template.controlled++;
        }
    }

    /** TCP: the real server accepted (ESTABLISHED counts as active, as in IPVS). */
    void activate() {
        if (connection != null && !active) {
            active = true;
            backend.becameActive();
            service.counters().inactive--;
            service.counters().active++;
        }
    }

    /** TCP: one side has finished sending (FIN_WAIT counts as inactive). */
    void deactivate() {
        if (connection != null && active) {
            active = false;
            backend.becameInactive();
            service.counters().active--;
            service.counters().inactive++;
        }
    }

    void unbind() {
        if (connection == null) {
            return;
        }
        backend.unbind(connection, active);
        if (active) {
            service.counters().active--;
        } else {
            service.counters().inactive--;
        }
        connection = null;
        if (template != null) {
            template.controlled--;
            template.lastUseMillis = System.currentTimeMillis();
        }
    }

    void countIn(int bytes) {
        backend.counters().packetsIn++;
        backend.counters().bytesIn += bytes;
        service.counters().packetsIn++;
        service.counters().bytesIn += bytes;
    }

    void countOut(int bytes) {
        backend.counters().packetsOut++;
        backend.counters().bytesOut += bytes;
        service.counters().packetsOut++;
        service.counters().bytesOut += bytes;
    }
}
