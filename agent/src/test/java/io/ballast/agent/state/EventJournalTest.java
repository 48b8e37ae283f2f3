package io.ballast.agent.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.api.AgentEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventJournalTest {

    @TempDir
    Path dir;

    @Test
    void eventsSurviveReopenAndListenersSeeThemAsTheyHappen() throws Exception {
        List<AgentEvent> seen = new ArrayList<>();
        try (AgentDatabase db = AgentDatabase.open(dir.resolve("a.db"))) {
            EventJournal journal = new EventJournal(db, Clock.systemUTC());
            journal.onEvent(seen::add);
            journal.record("spec-applied", "token:abcd1234", 1, "revision 1 applied");
            journal.record("drift-repaired", "reconciler", 1, "table differed");
        }
        try (AgentDatabase db = AgentDatabase.open(dir.resolve("a.db"))) {
            List<AgentEvent> events = new EventJournal(db, Clock.systemUTC()).since(0, 10);
            assertThat(events).extracting(AgentEvent::kind).containsExactly("spec-applied", "drift-repaired");
            assertThat(events).isEqualTo(seen);
        }
    }

    @Test
    void eventsPastTheRetentionArePruned() throws Exception {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (AgentDatabase db = AgentDatabase.open(dir.resolve("a.db"))) {
            EventJournal old = new EventJournal(db, Clock.fixed(start, ZoneOffset.UTC));
            old.record("health", "health", 1, "old");
            EventJournal later = new EventJournal(db, Clock.fixed(start.plus(EventJournal.RETENTION).plus(Duration.ofDays(1)), ZoneOffset.UTC));
            later.record("health", "health", 1, "new");
            later.prune();
            assertThat(later.since(0, 10)).extracting(AgentEvent::message).containsExactly("new");
        }
    }
}
