package io.ballast.app.topology;

import io.ballast.app.connection.AgentStatus;
import io.ballast.app.connection.ConnectionState;
import io.ballast.app.metrics.Rates;
import io.ballast.app.metrics.Scope;
import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import io.ballast.model.api.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The cluster as the diagram shows it: directors with role, connection and spec-hash agreement;
 * VIPs; real servers with health, weight and live figures. Fed by the agents' status, the spec
 * and the metrics; knows nothing of Nodes.
 */
public final class ClusterViewModel {

    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ClusterForm> form = new ReadOnlyObjectWrapper<>(ClusterForm.SINGLE);
    private final ObservableList<DirectorItem> directors = FXCollections.observableArrayList();
    private final ObservableList<VipItem> vips = FXCollections.observableArrayList();
    private final ObservableList<RealServerItem> realServers = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper structure = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper splitBrain = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper splitBrainText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper specMismatch = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper maxThroughput = new ReadOnlyDoubleWrapper();
    private final ReadOnlyLongWrapper ratesUpdated = new ReadOnlyLongWrapper();
    private final ObjectProperty<Object> selection = new SimpleObjectProperty<>();

    private final Map<String, AgentStatus> statusByDirector = new HashMap<>();
    private final Set<String> mismatchReported = new HashSet<>();
    private boolean splitBrainReported;
    private ClusterSpec spec;

    /** Takes a spec; rebuilds the items only when the cluster's shape changed, keeping live state. */
    public void applySpec(ClusterSpec newSpec) {
        if (spec != null && spec.equals(newSpec)) {
            return;
        }
        this.spec = newSpec;
        name.set(newSpec.name() == null ? "" : newSpec.name());
        form.set(newSpec.form() == null ? ClusterForm.SINGLE : newSpec.form());
        Map<String, DirectorItem> oldDirectors = new HashMap<>();
        directors.forEach(d -> oldDirectors.put(d.id(), d));
        Set<String> serverAddresses = new HashSet<>();
        newSpec.virtualServices().forEach(vs -> vs.realServers().forEach(rs -> serverAddresses.add(rs.address())));

        List<DirectorItem> nextDirectors = new ArrayList<>();
        for (Director d : newSpec.directors()) {
            DirectorItem item = new DirectorItem(d, form.get() == ClusterForm.STREAMLINE && serverAddresses.contains(d.address()));
            DirectorItem old = oldDirectors.get(d.id());
            if (old != null) {
                item.connectionProperty().set(old.connectionProperty().get());
                item.connectionMessageProperty().set(old.connectionMessageProperty().get());
            }
            nextDirectors.add(item);
        }
        Map<String, String> directorByAddress = new HashMap<>();
        nextDirectors.stream().filter(DirectorItem::alsoRealServer).forEach(d -> directorByAddress.put(d.director().address(), d.id()));
        List<VipItem> nextVips = new ArrayList<>();
        List<RealServerItem> nextServers = new ArrayList<>();
        for (VirtualService vs : newSpec.virtualServices()) {
            nextVips.add(new VipItem(vs));
            for (RealServer rs : vs.realServers()) {
                nextServers.add(new RealServerItem(vs.key().toString(), rs, directorByAddress.get(rs.address())));
            }
        }
        directors.setAll(nextDirectors);
        vips.setAll(nextVips);
        realServers.setAll(nextServers);
        nextDirectors.forEach(d -> {
            AgentStatus status = statusByDirector.get(d.id());
            if (status != null) {
                copyStatus(d, status);
            }
        });
        // The same box stays selected across a new revision (a drain from the inspector must not lose it).
        selection.set(sameItem(selection.get()));
        recompute();
        structure.set(structure.get() + 1);
    }

    private Object sameItem(Object old) {
        if (old instanceof DirectorItem d) {
            return director(d.id());
        }
        if (old instanceof VipItem v) {
            return vips.stream().filter(n -> n.key().equals(v.key())).findFirst().orElse(null);
        }
        if (old instanceof RealServerItem rs) {
            return realServers.stream().filter(n -> n.serviceKey().equals(rs.serviceKey()) && n.key().equals(rs.key()))
                    .findFirst().orElse(null);
        }
        return null;
    }

    public void applyStatus(String directorId, AgentStatus status) {
        statusByDirector.put(directorId, status);
        DirectorItem item = director(directorId);
        if (item != null) {
            copyStatus(item, status);
        }
        recompute();
    }

    public void applyConnection(String directorId, ConnectionState state, String message) {
        DirectorItem item = director(directorId);
        if (item == null) {
            return;
        }
        item.connectionProperty().set(state);
        item.connectionMessageProperty().set(message == null ? "" : message);
        recompute();
    }

    /** The agent said (SPEC_MISMATCH event) that its spec differs from its peer's; holds until hashes agree. */
    public void reportSpecMismatch(String directorId) {
        mismatchReported.add(directorId);
        recompute();
    }

    /** The agent said (SPLIT_BRAIN event) that two directors hold the VIPs; holds until one master remains. */
    public void reportSplitBrain() {
        splitBrainReported = true;
        recompute();
    }

    public void applyRates(Map<Scope, Rates> rates) {
        double max = 0;
        for (VipItem vip : vips) {
            Rates r = rates.getOrDefault(Scope.service(vip.key()), Rates.ZERO);
            vip.throughputProperty().set(r.throughput());
            vip.newConnectionsProperty().set(r.newConnections());
            vip.activeConnectionsProperty().set(r.activeConnections());
            vip.touch();
            max = Math.max(max, r.throughput());
        }
        for (RealServerItem rs : realServers) {
            Rates r = rates.getOrDefault(Scope.realServer(rs.serviceKey(), rs.key()), Rates.ZERO);
            rs.throughputProperty().set(r.throughput());
            rs.newConnectionsProperty().set(r.newConnections());
            rs.activeConnectionsProperty().set(r.activeConnections());
            rs.touch();
        }
        maxThroughput.set(max);
        ratesUpdated.set(ratesUpdated.get() + 1);
    }

    private void copyStatus(DirectorItem item, AgentStatus status) {
        item.roleProperty().set(status.role());
        item.specHashProperty().set(status.specHash());
        item.planeProperty().set(status.plane());
        item.revisionProperty().set(status.revision());
    }

    private void recompute() {
        List<DirectorItem> live = directors.stream().filter(d -> d.connectionProperty().get().live()).toList();
        Set<String> hashes = new HashSet<>();
        live.forEach(d -> {
            if (d.specHashProperty().get() != null) {
                hashes.add(d.specHashProperty().get());
            }
        });
        boolean hashesDiffer = hashes.size() > 1;
        if (hashes.size() == 1 && live.size() == directors.size() && live.size() > 1) {
            mismatchReported.clear();
        }
        boolean any = false;
        for (DirectorItem d : directors) {
            boolean flagged = mismatchReported.contains(d.id())
                    || (hashesDiffer && d.connectionProperty().get().live() && d.specHashProperty().get() != null);
            d.specMismatchProperty().set(flagged);
            any |= flagged;
        }
        specMismatch.set(any);

        List<String> masters = live.stream().filter(d -> d.roleProperty().get() == Role.MASTER).map(DirectorItem::id).toList();
        if (masters.size() <= 1 && live.size() == directors.size()) {
            splitBrainReported = false;
        }
        boolean split = masters.size() > 1 || splitBrainReported;
        splitBrain.set(split);
        splitBrainText.set(!split ? "" : masters.size() > 1
                ? "Split brain: " + String.join(" and ", masters) + " all hold the VIPs"
                : "Split brain reported by an agent: more than one director claims the VIPs");
        updateHealth(live);
    }

    private void updateHealth(List<DirectorItem> live) {
        AgentStatus source = null;
        for (DirectorItem d : live) {
            AgentStatus status = statusByDirector.get(d.id());
            if (status != null && (source == null || d.roleProperty().get() == Role.MASTER)) {
                source = status;
            }
        }
        Map<String, AgentStatus.HealthVerdict> verdicts = new HashMap<>();
        if (source != null) {
            source.verdicts().forEach(v -> verdicts.put(v.service() + "|" + v.realServer(), v));
        }
        Map<String, VirtualService> services = new HashMap<>();
        vips.forEach(v -> services.put(v.key(), v.service()));
        Map<String, Integer> healthy = new HashMap<>();
        for (RealServerItem rs : realServers) {
            AgentStatus.HealthVerdict verdict = verdicts.get(rs.serviceKey() + "|" + rs.key());
            Health health = health(rs, verdict, source != null, services.get(rs.serviceKey()));
            rs.healthProperty().set(health);
            rs.healthDetailProperty().set(verdict == null || verdict.detail() == null ? "" : verdict.detail());
            rs.touch();
            if (health == Health.UP) {
                healthy.merge(rs.serviceKey(), 1, Integer::sum);
            }
        }
        vips.forEach(v -> {
            v.healthyServersProperty().set(healthy.getOrDefault(v.key(), 0));
            v.touch();
        });
    }

    private static Health health(RealServerItem rs, AgentStatus.HealthVerdict verdict, boolean anyLive, VirtualService service) {
        switch (rs.server().state()) {
            case MAINTENANCE:
                return Health.MAINTENANCE;
            case DRAIN:
                return anyLive ? Health.DRAINING : Health.UNKNOWN;
            default:
                break;
        }
        if (!anyLive) {
            return Health.UNKNOWN;
        }
        if (verdict != null) {
            return verdict.up() ? Health.UP : Health.DOWN;
        }
        // a service without checks has no verdicts: the live agent keeps its servers in the table
        return service != null && service.healthCheck() == null ? Health.UP : Health.UNKNOWN;
    }

    public DirectorItem director(String id) {
        for (DirectorItem d : directors) {
            if (Objects.equals(d.id(), id)) {
                return d;
            }
        }
        return null;
    }

    public ClusterSpec spec() {
        return spec;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ClusterForm> formProperty() {
        return form.getReadOnlyProperty();
    }

    /** SINGLE has nothing that can take over: the client says so plainly. */
    public boolean singlePointOfFailure() {
        return form.get() == ClusterForm.SINGLE;
    }

    public ObservableList<DirectorItem> directors() {
        return directors;
    }

    public ObservableList<VipItem> vips() {
        return vips;
    }

    public ObservableList<RealServerItem> realServers() {
        return realServers;
    }

    /** Increments when directors, VIPs or real servers were replaced: the diagram lays out again. */
    public ReadOnlyLongProperty structureProperty() {
        return structure.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty splitBrainProperty() {
        return splitBrain.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty splitBrainTextProperty() {
        return splitBrainText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty specMismatchProperty() {
        return specMismatch.getReadOnlyProperty();
    }

    /** Largest VIP throughput (bytes/s) of the last second: edge widths are relative to it. */
    public ReadOnlyDoubleProperty maxThroughputProperty() {
        return maxThroughput.getReadOnlyProperty();
    }

    /** Increments after every applyRates: the diagram rescales its links. */
    public ReadOnlyLongProperty ratesUpdatedProperty() {
        return ratesUpdated.getReadOnlyProperty();
    }

    /** What the inspector shows: a DirectorItem, VipItem or RealServerItem, or null. */
    public ObjectProperty<Object> selectionProperty() {
        return selection;
    }
}
