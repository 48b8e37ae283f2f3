package io.ballast.app.timeline;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One director's row on the timeline, newest entries last, bounded. */
public final class Lane {

    private final String director;
    private final ObservableList<TimelineEntry> entries = FXCollections.observableArrayList();

    Lane(String director) {
        this.director = director;
    }

    public String director() {
        return director;
    }

    public ObservableList<TimelineEntry> entries() {
        return entries;
    }

    void add(TimelineEntry entry, int limit) {
        int at = entries.size();
        while (at > 0 && entries.get(at - 1).atMillis() > entry.atMillis()) {
            at--;
        }
        entries.add(at, entry);
        if (entries.size() > limit) {
            entries.remove(0, entries.size() - limit);
        }
    }
}
