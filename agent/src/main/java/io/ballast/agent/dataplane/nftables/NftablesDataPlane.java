package io.ballast.agent.dataplane.nftables;

import io.ballast.agent.dataplane.DataPlane;
import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.dataplane.nftables.conntrack.ConntrackSync;
import io.ballast.model.RealServer;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;
import io.ballast.model.api.Capabilities;
import io.ballast.model.api.CounterSample;
import io.ballast.model.api.CounterSnapshot;
import io.ballast.model.api.Counters;
import io.ballast.model.plan.Operation;
import io.ballast.model.plan.Plan;
import io.ballast.model.plan.PlanApplier;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The nftables data plane: one table ({@code inet ballast} by default) that Ballast alone owns,
 * changed only by {@code nft -f} transactions. A plan becomes the difference between the table before
 * and after it, rendered per service, so one weight change re-renders one service; a table that is
 * missing or was edited by someone else is rewritten whole, carrying its counters over.
 */
public final class NftablesDataPlane implements DataPlane {

    private final NftCommand nft;
    private final NftRulesetRenderer renderer;
    private final NftTableReader reader;
    private final ConntrackSync sync;
    private final long fullCheckNanos;
    /** The table as this plane last wrote or read it; null when unknown (after a failure). */
    private NftTableReader.State known;
    /** Service key → position in {@code known.services()}; null when not yet built for it. */
    private Map<ServiceKey, Integer> knownPlaces;
    private NftTableReader.State placesFor;
    /** When the table was last read whole (System.nanoTime). */
    private long lastFullRead;
    private int nextServiceId = 1;
    /** The element keys of {@link #keyedServices}, the services of the table version last sampled. */
    private List<ServiceCounterKeys> keys = List.of();
    private List<InstalledService> keyedServices;
    private final CounterReader counterReader;
    private static final NftRulesetRenderer.CounterValue NO_COUNT = new NftRulesetRenderer.CounterValue(0, 0);
    private final SecureRandom random = new SecureRandom();

    /**
     * @param fullCheck how often {@link #mayHaveDrifted()} asks for a full read even when the table's
     *                  epoch is unchanged: the bound on how long a change inside the table can go unseen
     */
    NftablesDataPlane(NftCommand nft, NftRulesetRenderer renderer, CounterReader counterReader, ConntrackSync sync,
                      Duration fullCheck) {
        this.nft = nft;
        this.counterReader = counterReader;
        this.renderer = renderer;
        this.reader = new NftTableReader(renderer.dispatch());
        this.sync = sync;
        this.fullCheckNanos = fullCheck.toNanos();
    }

    @Override
    public Capabilities capabilities() {
        return NftCapabilities.capabilities();
    }

    @Override
    public synchronized List<VirtualService> readTable() throws DataPlaneException {
        return read().entries();
    }

    /**
     * Reads the table without listing a rule or a counter: chain names, set and map names, then only the
     * record, service, epoch and slot maps (at 2,277 services: two nft processes listing ~70 objects
     * instead of one listing of 26 MB of JSON that made nft fetch and print every rule and every
     * counter). A table without the record set (absent, or an earlier layout) is listed whole.
     */
    private NftTableReader.State read() throws DataPlaneException {
        lastFullRead = System.nanoTime();
        String table = renderer.table();
        List<String> names = nft.listEachJson(List.of("list chains inet", "list sets inet", "list maps inet"), true);
        Set<String> chains = reader.chains(table, names);
        Map<String, Boolean> objects = reader.objects(table, names);
        if (!objects.containsKey(RecordSet.NAME)) {
            known = reader.parse(nft.listTableJson("inet", table));
        } else {
            List<String> lists = new ArrayList<>();
            for (Map.Entry<String, Boolean> object : objects.entrySet()) {
                if (NftTableReader.readsContentOf(object.getKey())) {
                    lists.add("list " + (object.getValue() ? "map" : "set") + " inet " + table + " " + object.getKey());
                }
            }
            List<String> contents = new ArrayList<>(nft.listEachJson(lists, false));
            if (contents.size() < lists.size()) {
                contents.add(null); // one went away meanwhile: the table is not whole
            }
            known = reader.parseParts(chains, objects.keySet(), contents);
        }
        for (InstalledService service : known.leftovers()) {
            nextServiceId = Math.max(nextServiceId, service.id() + 1);
        }
        for (InstalledService service : known.services()) {
            nextServiceId = Math.max(nextServiceId, service.id() + 1);
        }
        return known;
    }

    /**
     * Cheap: {@code nft -j list set inet TABLE epoch} (one set of one element, milliseconds at any table
     * size). Each whole-table write puts a new random number there; a table that was deleted, flushed
     * with the ruleset, or made again by someone else lacks it or holds another. A change inside the
     * table (a rule, an element) leaves it, so at least every {@code fullCheck} this says "maybe" anyway
     * and the reconciler reads the table whole.
     */
    @Override
    public synchronized boolean mayHaveDrifted() throws DataPlaneException {
        if (known == null || !known.present() || known.epoch() < 0
                || System.nanoTime() - lastFullRead >= fullCheckNanos) {
            return true;
        }
        return reader.epoch(nft.listSetJson("inet", renderer.table(), "epoch")) != known.epoch();
    }

    @Override
    public synchronized void apply(Plan plan) throws DataPlaneException {
        if (plan.isEmpty()) {
            return;
        }
        NftTableReader.State current = known != null ? known : read();
        List<InstalledService> next;
        try {
            next = target(plan, current);
        } catch (IllegalStateException stale) {
            current = read(); // someone changed the table since we last looked: judge against the kernel
            try {
                next = target(plan, current);
            } catch (IllegalStateException e) {
                throw new DataPlaneException("The plan does not fit the nftables table as it is now ("
                        + e.getMessage() + "); nothing was changed. Read the table again and re-plan.", e);
            }
        }
        String what = plan.size() == 1 ? plan.summaries().get(0)
                : plan.size() + " operations (first: " + plan.summaries().get(0) + ")";
        String script;
        boolean whole = !(current.present() && current.complete());
        long epoch = whole ? 1 + random.nextInt(Integer.MAX_VALUE - 1) : current.epoch();
        try {
            if (!whole) {
                script = renderer.change(current.services(), next);
            } else {
                Map<String, NftRulesetRenderer.CounterValue> carried = current.present() ? counterValues() : Map.of();
                script = renderer.replaceTable(next, carried, epoch);
            }
        } catch (IllegalArgumentException e) {
            throw new DataPlaneException(e.getMessage() + " Nothing was changed.", e);
        }
        try {
            if (!script.isEmpty()) {
                nft.transaction(script, "apply " + what);
            }
        } catch (DataPlaneException e) {
            known = null;
            throw e;
        }
        boolean samePlaces = !whole && placesFor == current && next.size() == current.services().size();
        for (int i = 0; samePlaces && i < next.size(); i++) {
            samePlaces = next.get(i).id() == current.services().get(i).id();
        }
        known = new NftTableReader.State(true, true, next, List.of(), epoch);
        placesFor = samePlaces ? known : null; // no service added or removed: every one is where it was
    }

    /**
     * The numbered table after the plan. On an intact table only the services the plan names are
     * applied to and checked (the others are the same objects as before): a weight change at 2,277
     * services then costs look-ups, not a pass over every service and real server.
     */
    private List<InstalledService> target(Plan plan, NftTableReader.State current) throws DataPlaneException {
        if (!(current.present() && current.complete())) {
            List<VirtualService> target = PlanApplier.apply(plan, current.entries());
            check(target);
            List<InstalledService> numbered = new ArrayList<>(current.services());
            numbered.addAll(current.leftovers());
            return number(numbered, target);
        }
        Map<ServiceKey, Integer> places = places(current);
        Set<ServiceKey> named = new LinkedHashSet<>();
        for (Operation operation : plan.operations()) {
            named.add(operation.service());
        }
        List<VirtualService> before = new ArrayList<>();
        for (ServiceKey key : named) {
            Integer at = places.get(key);
            if (at != null) {
                before.add(current.services().get(at).service());
            }
        }
        List<VirtualService> after = PlanApplier.apply(plan, before);
        check(after);
        Map<ServiceKey, VirtualService> changed = new LinkedHashMap<>();
        for (VirtualService service : after) {
            changed.put(service.key(), service);
        }
        List<InstalledService> next = new ArrayList<>(current.services());
        for (ServiceKey key : named) {
            Integer at = places.get(key);
            if (at != null) {
                VirtualService now = changed.remove(key);
                next.set(at, now == null ? null : new InstalledService(next.get(at).id(), now));
            }
        }
        next.removeIf(Objects::isNull);
        if (!changed.isEmpty()) { // new services, numbered after every number in use
            next.addAll(number(current.services(), List.copyOf(changed.values())));
        }
        return next;
    }

    private static void check(List<VirtualService> services) throws DataPlaneException {
        List<String> problems = NftCapabilities.problems(services);
        if (!problems.isEmpty()) {
            throw new DataPlaneException(String.join(" ", problems) + " Nothing was changed.");
        }
    }

    /** Where each service of the known table is in its list; kept while applies move no service. */
    private Map<ServiceKey, Integer> places(NftTableReader.State state) {
        if (placesFor != state) {
            Map<ServiceKey, Integer> places = new HashMap<>();
            for (int i = 0; i < state.services().size(); i++) {
                places.put(state.services().get(i).service().key(), i);
            }
            knownPlaces = places;
            placesFor = state;
        }
        return knownPlaces;
    }

    /**
     * Keeps each service's number; newcomers get fresh ones whose slot range (the number's low 16 bits)
     * no service in the table, staying or leaving, uses.
     */
    private List<InstalledService> number(List<InstalledService> current, List<VirtualService> target) {
        Map<ServiceKey, Integer> ids = new HashMap<>();
        Set<Long> ranges = new HashSet<>();
        for (InstalledService service : current) {
            ids.put(service.service().key(), service.id());
            ranges.add(SlotMaps.base(service.id()));
        }
        List<InstalledService> numbered = new ArrayList<>(target.size());
        for (VirtualService service : target) {
            Integer id = ids.get(service.key());
            if (id == null) {
                while (!ranges.add(SlotMaps.base(nextServiceId))) {
                    nextServiceId++;
                }
                id = nextServiceId++;
            }
            numbered.add(new InstalledService(id, service));
        }
        return numbered;
    }

    /** Values of the given counter sets: set → element key → value ({@link CounterReader}). */
    private Map<String, Map<String, NftRulesetRenderer.CounterValue>> counterValues(Collection<String> sets)
            throws DataPlaneException {
        return counterReader.read(renderer.table(), sets);
    }

    /** How this plane reads its counters, for the logs: netlink, or the nft listing and why. */
    public String counterReader() {
        return counterReader.describe();
    }

    /** Every counter as "set key" → value, to carry into a table written whole. */
    private Map<String, NftRulesetRenderer.CounterValue> counterValues() throws DataPlaneException {
        Map<String, NftRulesetRenderer.CounterValue> carried = new HashMap<>();
        counterValues(NftRulesetRenderer.COUNTER_SETS).forEach((set, values) ->
                values.forEach((key, value) -> carried.put(set + " " + key, value)));
        return carried;
    }

    /**
     * Brings an existing table's postrouting chain to this plane's source-NAT setting (a restart may
     * have changed it); a missing table is left to the first apply, which writes it whole.
     */
    public synchronized void refreshSourceNat() throws DataPlaneException {
        if (nft.listChainJson("inet", renderer.table(), "postrouting") != null) {
            nft.transaction(renderer.refreshPostrouting(), "set the source NAT of table " + renderer.table());
        }
    }

    /**
     * Per real server: new connections (postrouting's counter sets: nat chains see only a connection's
     * first packet, so the packet count is the connection count), packets and bytes from clients and
     * from the server (the forward chain's sets). A service's counters are the sums of its servers' and
     * its sorry server's. Only the sets the table's services use are listed.
     */
    @Override
    public synchronized CounterSnapshot sampleCounters() throws DataPlaneException {
        NftTableReader.State state = known != null ? known : read();
        List<ServiceCounterKeys> services = keys(state.services());
        Set<String> used = new LinkedHashSet<>();
        for (ServiceCounterKeys service : services) {
            for (String set : service.sets) {
                if (set != null) {
                    used.add(set);
                }
            }
        }
        Map<String, Map<String, NftRulesetRenderer.CounterValue>> values = counterValues(used);
        List<CounterSample> samples = new ArrayList<>();
        for (ServiceCounterKeys service : services) {
            Counters total = Counters.ZERO;
            int at = samples.size();
            samples.add(null); // the service's own sample, once its servers are summed
            for (int i = 0; i < service.servers.length; i++) {
                Counters counters = counters(values, service, service.servers[i]);
                total = sum(total, counters);
                samples.add(new CounterSample(service.key, service.serverKeys[i], counters));
            }
            if (service.sorry != null) {
                total = sum(total, counters(values, service, service.sorry));
            }
            samples.set(at, new CounterSample(service.key, null, total));
        }
        return new CounterSnapshot(System.currentTimeMillis(), samples);
    }

    /**
     * Each service's sample key and its servers' element keys, made once per table version rather than
     * once per server and second (canonical addresses, string joins: 10,000 of each every second).
     */
    private List<ServiceCounterKeys> keys(List<InstalledService> services) {
        if (services != keyedServices) {
            List<ServiceCounterKeys> made = new ArrayList<>(services.size());
            for (InstalledService installed : services) {
                made.add(ServiceCounterKeys.of(installed.service()));
            }
            keys = made;
            keyedServices = services;
        }
        return keys;
    }

    /** Where a service's counters are: its sets per kind and the element key of each server. */
    private static final class ServiceCounterKeys {
        final String key;
        final String[] sets = new String[CounterSets.Kind.values().length];
        final String[] serverKeys;
        final String[] servers;
        final String sorry;

        private ServiceCounterKeys(VirtualService service) {
            key = service.key().toString();
            for (CounterSets.Kind kind : CounterSets.Kind.values()) {
                sets[kind.ordinal()] = kind.setFor(service);
            }
            List<RealServer> realServers = service.realServers();
            serverKeys = new String[realServers.size()];
            servers = new String[realServers.size()];
            for (int i = 0; i < servers.length; i++) {
                RealServer server = realServers.get(i);
                serverKeys[i] = server.key();
                servers[i] = NftRulesetRenderer.counterKey(service, server.address(), server.port());
            }
            // A sorry server that is also a real server is counted once, as the real server.
            sorry = service.sorryServer() == null || realServers.stream()
                    .anyMatch(s -> s.key().equals(service.sorryServer().endpoint())) ? null
                    : NftRulesetRenderer.counterKey(service, service.sorryServer().address(), service.sorryServer().port());
        }

        static ServiceCounterKeys of(VirtualService service) {
            return new ServiceCounterKeys(service);
        }
    }

    private static Counters counters(Map<String, Map<String, NftRulesetRenderer.CounterValue>> values,
                                     ServiceCounterKeys service, String element) {
        NftRulesetRenderer.CounterValue connections = value(values, service.sets[CounterSets.Kind.CONNECTIONS.ordinal()], element);
        NftRulesetRenderer.CounterValue in = value(values, service.sets[CounterSets.Kind.FROM_CLIENTS.ordinal()], element);
        NftRulesetRenderer.CounterValue out = value(values, service.sets[CounterSets.Kind.FROM_SERVERS.ordinal()], element);
        return new Counters(0, 0, connections.packets(), in.packets(), out.packets(), in.bytes(), out.bytes());
    }

    private static NftRulesetRenderer.CounterValue value(Map<String, Map<String, NftRulesetRenderer.CounterValue>> values,
                                                         String set, String element) {
        Map<String, NftRulesetRenderer.CounterValue> inSet = set == null ? null : values.get(set);
        NftRulesetRenderer.CounterValue value = inSet == null ? null : inSet.get(element);
        return value == null ? NO_COUNT : value;
    }

    private static Counters sum(Counters a, Counters b) {
        return new Counters(a.activeConnections() + b.activeConnections(), a.inactiveConnections() + b.inactiveConnections(),
                a.connections() + b.connections(), a.packetsIn() + b.packetsIn(), a.packetsOut() + b.packetsOut(),
                a.bytesIn() + b.bytesIn(), a.bytesOut() + b.bytesOut());
    }

    /** A role change reaches conntrackd ({@link ConntrackSync#roleChanged}): purge and announce as master, resync as backup. */
    @Override
    public void setActive(boolean active) throws DataPlaneException {
        if (sync != null) {
            sync.roleChanged(active);
        }
    }

    public ConntrackSync connectionSync() {
        return sync;
    }

    @Override
    public void close() {
        counterReader.close();
        nft.close();
        if (sync != null) {
            sync.close();
        }
    }
}
