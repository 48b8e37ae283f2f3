package io.ballast.app.timeline;

import io.ballast.app.connection.AgentEvent;
import io.ballast.app.connection.ConnectionState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Failovers and events, one lane per director: role changes (with takeover time on a failover),
 * health transitions, applies, alarms, split brain, and the client's own view of reachability.
 */
public final class TimelineViewModel {

    static final int LANE_LIMIT = 1_000;
    static final int RECENT_LIMIT = 2_000;

    private final ObservableList<Lane> lanes = FXCollections.observableArrayList();
    private final ObservableList<TimelineEntry> recent = FXCollections.observableArrayList();
    private final Map<String, Lane> laneByDirector = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final Map<String, ConnectionState> lastConnection = new HashMap<>();
    private final ReadOnlyBooleanWrapper splitBrain = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<TimelineEntry> lastFailover = new ReadOnlyObjectWrapper<>();
    private Consumer<TimelineEntry> onNotify = entry -> { };

    /** Starts with one lane per director, in the spec's order, so empty lanes show too. */
    public void setDirectors(List<String> directors) {
        directors.forEach(this::lane);
    }

    /** An agent event; the same event seen twice (reconnect, both agents) is kept once. */
    public void accept(String reportedBy, AgentEvent event) {
        String director = event.node() != null && !event.node().isBlank() ? event.node() : reportedBy;
        if (event.id() > 0 && !seen.add(reportedBy + "#" + event.id())) {
            return;
        }
        add(toEntry(director, event));
    }

    /** The client's own observation: a director became reachable or unreachable. */
    public void connectionChanged(String director, ConnectionState state, String message, long atMillis) {
        // "connecting" is a transition, not news; only a change of reachability is a mark on the lane
        if (state == ConnectionState.CONNECTING || lastConnection.get(director) == state) {
            return;
        }
        lastConnection.put(director, state);
        Severity severity = state.live() ? Severity.INFO : Severity.WARNING;
        String title = state.live() ? director + " connected" : director + " " + state.name().toLowerCase(Locale.ROOT);
        add(new TimelineEntry(0, atMillis, director, EntryKind.CONNECTION, severity, title, message, null));
    }

    public void clearSplitBrain() {
        splitBrain.set(false);
    }

    private TimelineEntry toEntry(String director, AgentEvent event) {
        EntryKind kind = EntryKind.ofEventType(event.type());
        Long takeover = event.takeoverMillis().isPresent() ? event.takeoverMillis().getAsLong() : null;
        String to = event.detail("to");
        if (to == null) {
            to = event.detail("role");
        }
        String from = event.detail("from");
        Severity severity = Severity.INFO;
        String title;
        switch (kind) {
            case ROLE_CHANGE:
                boolean takeOver = "MASTER".equalsIgnoreCase(to) && (from == null || !"INIT".equalsIgnoreCase(from));
                if (takeOver) {
                    kind = EntryKind.FAILOVER;
                    severity = Severity.CRITICAL;
                    title = director + " took over as MASTER" + (takeover != null ? " in " + takeover + " ms" : "");
                } else {
                    severity = "FAULT".equalsIgnoreCase(to) ? Severity.WARNING : Severity.INFO;
                    title = director + (to != null ? " is now " + to.toUpperCase(Locale.ROOT) : " changed role");
                }
                break;
            case HEALTH:
                boolean up = "true".equalsIgnoreCase(event.detail("up")) || "UP".equalsIgnoreCase(event.detail("state"));
                severity = up ? Severity.INFO : Severity.WARNING;
                title = firstNonBlank(event.detail("realServer"), "real server") + (up ? " is healthy" : " failed its check");
                break;
            case APPLY:
                title = "applied" + (event.detail("revision") != null ? " revision " + event.detail("revision") : " a change");
                break;
            case ALARM:
                severity = Severity.CRITICAL;
                title = firstNonBlank(event.message(), "alarm");
                break;
            case SPLIT_BRAIN:
                severity = Severity.CRITICAL;
                title = "SPLIT BRAIN: more than one director holds the VIPs";
                splitBrain.set(true);
                break;
            case SPEC_MISMATCH:
                severity = Severity.WARNING;
                title = "spec differs from its peer's";
                break;
            default:
                title = firstNonBlank(event.message(), event.type());
        }
        return new TimelineEntry(event.id(), event.atMillis(), director, kind, severity, title, event.message(), takeover);
    }

    private void add(TimelineEntry entry) {
        lane(entry.director()).add(entry, LANE_LIMIT);
        recent.add(0, entry);
        if (recent.size() > RECENT_LIMIT) {
            recent.remove(RECENT_LIMIT, recent.size());
        }
        if (entry.kind() == EntryKind.FAILOVER) {
            lastFailover.set(entry);
        }
        if (entry.notifies()) {
            onNotify.accept(entry);
        }
    }

    private Lane lane(String director) {
        return laneByDirector.computeIfAbsent(director, d -> {
            Lane lane = new Lane(d);
            lanes.add(lane);
            return lane;
        });
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    public ObservableList<Lane> lanes() {
        return lanes;
    }

    /** Every entry, newest first, bounded. */
    public ObservableList<TimelineEntry> recent() {
        return recent;
    }

    /** True once an agent reported split brain, until the operator or a healthy status clears it. */
    public ReadOnlyBooleanProperty splitBrainProperty() {
        return splitBrain.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TimelineEntry> lastFailoverProperty() {
        return lastFailover.getReadOnlyProperty();
    }

    /** Called for each failover, alarm and split brain: the desktop notification hook. */
    public void setOnNotify(Consumer<TimelineEntry> handler) {
        this.onNotify = handler == null ? entry -> { } : handler;
    }
}
