package io.ballast.agent.state;

import io.ballast.model.api.AgentEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happened on this agent, in order: applies, failures, drift repairs, role changes, health
 * transitions. Kept in SQLite for {@link #RETENTION} and at most {@link #MAX_EVENTS} entries;
 * listeners (the SSE stream) see each event as it is recorded.
 */
public final class EventJournal {

    public static final Duration RETENTION = Duration.ofDays(30);
    public static final int MAX_EVENTS = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(EventJournal.class);

    private final AgentDatabase db;
    private final Clock clock;
    private final List<Consumer<AgentEvent>> listeners = new CopyOnWriteArrayList<>();
    private int sincePrune;

    public EventJournal(AgentDatabase db, Clock clock) throws SQLException {
        this.db = db;
        this.clock = clock;
        db.with(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL,"
                        + " kind TEXT NOT NULL, actor TEXT NOT NULL, revision INTEGER NOT NULL, message TEXT NOT NULL,"
                        + " detail TEXT)");
                s.execute("CREATE INDEX IF NOT EXISTS events_at ON events(at)");
            }
            return null;
        });
    }

    public void onEvent(Consumer<AgentEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<AgentEvent> listener) {
        listeners.remove(listener);
    }

    /** Records an event; a journal that cannot be written is logged, never allowed to stop a change. */
    public AgentEvent record(String kind, String actor, long revision, String message) {
        return record(kind, actor, revision, message, Map.of());
    }

    /** Records an event with facts a client can act on (see {@link AgentEvent#detail()}). */
    public AgentEvent record(String kind, String actor, long revision, String message, Map<String, String> detail) {
        long at = clock.millis();
        AgentEvent event;
        try {
            long id = db.with(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO events(at, kind, actor, revision, message, detail) VALUES (?,?,?,?,?,?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    ps.setLong(1, at);
                    ps.setString(2, kind);
                    ps.setString(3, actor);
                    ps.setLong(4, revision);
                    ps.setString(5, message);
                    ps.setString(6, DetailText.write(detail));
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        return keys.getLong(1);
                    }
                }
            });
            event = new AgentEvent(id, at, kind, actor, revision, message, detail);
            if (++sincePrune >= 1000) {
                sincePrune = 0;
                prune();
            }
        } catch (SQLException e) {
            LOG.warn("event journal write failed ({}); event was: {} {}", e.getMessage(), kind, message);
            event = new AgentEvent(-1, at, kind, actor, revision, message, detail);
        }
        LOG.info("{} [{}] rev {}: {}", kind, actor, revision, message);
        AgentEvent published = event;
        listeners.forEach(l -> l.accept(published));
        return event;
    }

    /** Events with an id above {@code sinceId}, oldest first, at most {@code limit}. */
    public List<AgentEvent> since(long sinceId, int limit) throws SQLException {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, at, kind, actor, revision, message, detail FROM events WHERE id > ? ORDER BY id LIMIT ?")) {
                ps.setLong(1, sinceId);
                ps.setInt(2, limit);
                List<AgentEvent> events = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(new AgentEvent(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getLong(5), rs.getString(6), DetailText.read(rs.getString(7))));
                    }
                }
                return events;
            }
        });
    }

    /** Drops events older than the retention and beyond the count limit. */
    public void prune() throws SQLException {
        long cutoff = clock.millis() - RETENTION.toMillis();
        db.with(c -> {
            try (PreparedStatement old = c.prepareStatement("DELETE FROM events WHERE at < ?");
                 PreparedStatement excess = c.prepareStatement(
                         "DELETE FROM events WHERE id <= (SELECT MAX(id) FROM events) - ?")) {
                old.setLong(1, cutoff);
                old.executeUpdate();
                excess.setInt(1, MAX_EVENTS);
                excess.executeUpdate();
            }
            return null;
        });
    }
}
