package io.ballast.app.timeline;

/**
 * One mark on a director's lane.
 *
 * @param id             the agent's event id (0 for entries the client made itself)
 * @param atMillis       when
 * @param director       whose lane
 * @param kind           what kind of thing happened
 * @param severity       how loudly to show it
 * @param title          one line, e.g. "lb-b became MASTER (takeover 182 ms)"
 * @param message        the agent's sentence
 * @param takeoverMillis measured takeover time on a failover, or null
 */
public record TimelineEntry(
        long id,
        long atMillis,
        String director,
        EntryKind kind,
        Severity severity,
        String title,
        String message,
        Long takeoverMillis) {

    /** True for what the operator must be told even when not looking: failovers, alarms, split brain. */
    public boolean notifies() {
        return kind == EntryKind.FAILOVER || kind == EntryKind.ALARM || kind == EntryKind.SPLIT_BRAIN;
    }
}
