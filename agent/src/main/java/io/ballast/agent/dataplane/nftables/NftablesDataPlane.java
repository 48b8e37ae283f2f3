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
import io.ballast.model.plan.Plan;
import io.ballast.model.plan.PlanApplier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nftables data plane: one table ({@code inet ballast} by default) that Ballast alone owns,
 * changed only by {@code nft -f} transactions. A plan becomes the difference between the table before
 * and after it, rendered per service, so one weight change re-renders one service; a table that is
 * missing or was edited by someone else is rewritten whole, carrying its counters over.
 */
public final class NftablesDataPlane implements DataPlane {

    private final NftCommand nft;
    private final NftRulesetRenderer renderer;
    private final NftTableReader reader = new NftTableReader();
    private final ConntrackSync sync;
    /** The table as this plane last wrote or read it; null when unknown (after a failure). */
    private NftTableReader.State known;
    private int nextServiceId = 1;

    public NftablesDataPlane(NftCommand nft, NftRulesetRenderer renderer, ConntrackSync sync) {
        this.nft = nft;
        this.renderer = renderer;
        this.sync = sync;
    }

    @Override
    public Capabilities capabilities() {
        return NftCapabilities.capabilities();
    }

    @Override
    public synchronized List<VirtualService> readTable() throws DataPlaneException {
        return read().entries();
    }

    private NftTableReader.State read() throws DataPlaneException {
        known = reader.parse(nft.listTableJson("inet", renderer.table()));
        for (InstalledService service : known.leftovers()) {
            nextServiceId = Math.max(nextServiceId, service.id() + 1);
        }
        for (InstalledService service : known.services()) {
            nextServiceId = Math.max(nextServiceId, service.id() + 1);
        }
        return known;
    }

    @Override
    public synchronized void apply(Plan plan) throws DataPlaneException {
        if (plan.isEmpty()) {
            return;
        }
        NftTableReader.State current = known != null ? known : read();
        List<VirtualService> target;
        try {
            target = PlanApplier.apply(plan, current.entries());
        } catch (IllegalStateException stale) {
            current = read(); // someone changed the table since we last looked: judge against the kernel
            try {
                target = PlanApplier.apply(plan, current.entries());
            } catch (IllegalStateException e) {
                throw new DataPlaneException("The plan does not fit the nftables table as it is now ("
                        + e.getMessage() + "); nothing was changed. Read the table again and re-plan.", e);
            }
        }
        List<String> problems = NftCapabilities.problems(target);
        if (!problems.isEmpty()) {
            throw new DataPlaneException(String.join(" ", problems) + " Nothing was changed.");
        }
        List<InstalledService> numbered = new ArrayList<>(current.services());
        numbered.addAll(current.leftovers());
        List<InstalledService> next = number(numbered, target);
        String what = plan.size() == 1 ? plan.summaries().get(0)
                : plan.size() + " operations (first: " + plan.summaries().get(0) + ")";
        String script;
        try {
            if (current.present() && current.complete()) {
                script = renderer.change(current.services(), next);
            } else {
                Map<String, NftRulesetRenderer.CounterValue> carried = current.present() ? counterValues() : Map.of();
                script = renderer.replaceTable(next, carried);
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
        known = new NftTableReader.State(true, true, next, List.of());
    }

    /** Keeps each service's number; newcomers get fresh ones. */
    private List<InstalledService> number(List<InstalledService> current, List<VirtualService> target) {
        Map<ServiceKey, Integer> ids = new HashMap<>();
        for (InstalledService service : current) {
            ids.put(service.service().key(), service.id());
        }
        List<InstalledService> numbered = new ArrayList<>(target.size());
        for (VirtualService service : target) {
            Integer id = ids.get(service.key());
            numbered.add(new InstalledService(id != null ? id : nextServiceId++, service));
        }
        return numbered;
    }

    private Map<String, NftRulesetRenderer.CounterValue> counterValues() throws DataPlaneException {
        List<String> listings = new ArrayList<>();
        for (String set : NftRulesetRenderer.COUNTER_SETS) {
            listings.add(nft.listSetJson("inet", renderer.table(), set));
        }
        return reader.counters(listings);
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
     * New connections per real server, counted in postrouting's counter sets (nat chains see only a
     * connection's first packet, so the packet count is the connection count); a service's count is
     * the sum of its servers' and its sorry server's.
     */
    @Override
    public synchronized CounterSnapshot sampleCounters() throws DataPlaneException {
        Map<String, NftRulesetRenderer.CounterValue> values = counterValues();
        NftTableReader.State state = known != null ? known : read();
        List<CounterSample> samples = new ArrayList<>();
        for (InstalledService installed : state.services()) {
            VirtualService service = installed.service();
            String key = service.key().toString();
            long total = 0;
            List<CounterSample> servers = new ArrayList<>();
            for (RealServer server : service.realServers()) {
                long connections = connections(values, service, server.address(), server.port());
                total += connections;
                servers.add(new CounterSample(key, server.key(), new Counters(0, 0, connections, 0, 0, 0, 0)));
            }
            if (service.sorryServer() != null && service.realServers().stream()
                    .noneMatch(s -> s.key().equals(service.sorryServer().endpoint()))) {
                total += connections(values, service, service.sorryServer().address(), service.sorryServer().port());
            }
            samples.add(new CounterSample(key, null, new Counters(0, 0, total, 0, 0, 0, 0)));
            samples.addAll(servers);
        }
        return new CounterSnapshot(System.currentTimeMillis(), samples);
    }

    private static long connections(Map<String, NftRulesetRenderer.CounterValue> values, VirtualService service,
                                    String address, int port) {
        NftRulesetRenderer.CounterValue value = values.get(NftRulesetRenderer.counterKey(service, address, port));
        return value == null ? 0 : value.packets();
    }

    /** On becoming master, conntrackd's external cache (the peer's connections) goes into the kernel. */
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
        nft.close();
        if (sync != null) {
            sync.close();
        }
    }
}
