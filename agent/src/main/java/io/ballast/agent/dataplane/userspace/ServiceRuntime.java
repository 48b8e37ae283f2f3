package io.ballast.agent.dataplane.userspace;

import io.ballast.agent.dataplane.scheduling.ConnectionScheduler;
import io.ballast.agent.dataplane.scheduling.ScheduledFlow;
import io.ballast.agent.dataplane.scheduling.Schedulers;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import io.ballast.model.api.CounterSample;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One virtual service as the forwarder runs it: its backends in table order, its scheduler, its
 * persistence templates, its sorry server, its counters and its listener. Event loop only.
 */
final class ServiceRuntime {

    private final InetSocketAddress vip;
    private final TrafficCounters counters = new TrafficCounters();
    private final Schedulers.Settings schedulerSettings;
    private final boolean expireQuiescentTemplate;
    private final Function<String, InetAddress> resolver;
    private VirtualService spec;
    /** The service's key as the stats name it, made once rather than every second. */
    private String sampleKey;
    private List<Backend> backends = new ArrayList<>();
    private ConnectionScheduler scheduler;
    private PersistenceTemplates templates;
    private Backend sorry;
    private Listener listener;
    private long noDestination;

    /** Throws IllegalArgumentException (a sentence) when an address in the service is not a literal. */
    ServiceRuntime(VirtualService spec, Function<String, InetAddress> resolver, Schedulers.Settings schedulerSettings,
                   boolean expireQuiescentTemplate) {
        this.resolver = resolver;
        this.schedulerSettings = schedulerSettings;
        this.expireQuiescentTemplate = expireQuiescentTemplate;
        this.vip = new InetSocketAddress(resolver.apply(spec.address()), spec.port());
        this.spec = spec;
        this.sampleKey = spec.key().toString();
        for (RealServer rs : spec.realServers()) {
            backends.add(new Backend(rs, resolver.apply(rs.address())));
        }
        this.scheduler = Schedulers.create(spec.scheduler(), spec.schedulerFlags(), backends, schedulerSettings);
        this.templates = spec.persistence() == null ? null : new PersistenceTemplates(spec.persistence());
        this.sorry = sorryBackend(spec);
    }

    VirtualService spec() {
        return spec;
    }

    InetSocketAddress vip() {
        return vip;
    }

    TrafficCounters counters() {
        return counters;
    }

    Listener listener() {
        return listener;
    }

    void listener(Listener newListener) {
        this.listener = newListener;
    }

    long noDestination() {
        return noDestination;
    }

    List<Backend> backends() {
        return List.copyOf(backends);
    }

    /**
     * The route for a new connection from {@code client}: its persistence template's server if it
     * has a live one, else the scheduler's choice, else the sorry server; null when none exists.
     */
    Route choose(InetSocketAddress client) {
        long now = System.currentTimeMillis();
        InetAddress address = client.getAddress();
        if (templates != null) {
            PersistenceTemplates.Template t = templates.find(address, now);
            if (t != null && t.backend.available() && !(expireQuiescentTemplate && t.backend.weight() == 0)) {
                t.lastUseMillis = now;
                return new Route(this, t.backend, t);
            }
            if (t != null) {
                templates.forget(address);
            }
        }
        Backend chosen = (Backend) scheduler.select(backends,
                new ScheduledFlow(address, client.getPort(), vip.getAddress(), vip.getPort()));
        if (chosen != null) {
            PersistenceTemplates.Template t = templates == null ? null : templates.create(address, chosen, now);
            return new Route(this, chosen, t);
        }
        if (sorry != null) {
            return new Route(this, sorry, null);
        }
        noDestination++;
        return null;
    }

    /** Takes the service's new table entry: same key, anything else may differ. */
    void update(VirtualService updated) {
        Map<String, Backend> existing = new LinkedHashMap<>();
        for (Backend b : backends) {
            existing.put(b.key(), b);
        }
        List<Backend> next = new ArrayList<>();
        for (RealServer rs : updated.realServers()) {
            Backend b = existing.remove(rs.key());
            if (b == null) {
                b = new Backend(rs, resolver.apply(rs.address()));
            } else {
                b.update(rs);
            }
            next.add(b);
        }
        for (Backend gone : existing.values()) {
            gone.retire();
        }
        backends = next;
        if (updated.scheduler() != spec.scheduler() || !updated.schedulerFlags().equals(spec.schedulerFlags())) {
            scheduler = Schedulers.create(updated.scheduler(), updated.schedulerFlags(), backends, schedulerSettings);
        } else {
            scheduler.destinationsChanged(backends);
        }
        if (!Objects.equals(updated.persistence(), spec.persistence())) {
            templates = updated.persistence() == null ? null : new PersistenceTemplates(updated.persistence());
        }
        if (!Objects.equals(updated.sorryServer(), spec.sorryServer())) {
            if (sorry != null) {
                sorry.retire();
            }
            sorry = sorryBackend(updated);
        }
        spec = updated;
        sampleKey = updated.key().toString();
    }

    /** The service leaves the table: listener closed, every connection it carries closed. */
    void retire() {
        closeListener();
        for (Backend b : backends) {
            b.retire();
        }
        if (sorry != null) {
            sorry.retire();
        }
    }

    void closeListener() {
        if (listener != null) {
            listener.close();
            listener = null;
        }
    }

    void tick(long now) {
        if (templates != null) {
            templates.expire(now);
        }
        if (listener != null) {
            listener.tick(now);
        }
    }

    Backend backend(String key) {
        for (Backend b : backends) {
            if (b.key().equals(key)) {
                return b;
            }
        }
        return sorry != null && sorry.key().equals(key) ? sorry : null;
    }

    void addSamples(List<CounterSample> out) {
        String service = sampleKey;
        out.add(new CounterSample(service, null, counters.snapshot()));
        for (Backend b : backends) {
            out.add(new CounterSample(service, b.key(), b.counters().snapshot()));
        }
        if (sorry != null && sorry.counters().connections > 0) {
            out.add(new CounterSample(service, sorry.key(), sorry.counters().snapshot()));
        }
    }

    private Backend sorryBackend(VirtualService service) {
        if (service.sorryServer() == null) {
            return null;
        }
        RealServer rs = RealServer.of("sorry", service.sorryServer().address(), service.sorryServer().port(), 1);
        return new Backend(rs, resolver.apply(rs.address()));
    }
}
