package io.ballast.app.timeline;

import javafx.application.Platform;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** Desktop notifications for failovers, alarms and split brain, so an operator looking elsewhere still learns of them. */
public final class EventNotifier {

    private final Window owner;

    public EventNotifier(Window owner) {
        this.owner = owner;
    }

    public void attach(TimelineViewModel timeline) {
        timeline.setOnNotify(this::show);
    }

    void show(TimelineEntry entry) {
        assert Platform.isFxApplicationThread();
        Notifications notification = Notifications.create()
                .owner(owner)
                .title(entry.kind() == EntryKind.FAILOVER ? "Failover on " + entry.director()
                        : entry.kind() == EntryKind.SPLIT_BRAIN ? "SPLIT BRAIN" : "Alarm on " + entry.director())
                .text(entry.title() + (entry.message().isBlank() || entry.message().equals(entry.title()) ? "" : "\n" + entry.message()))
                .hideAfter(Duration.seconds(entry.kind() == EntryKind.SPLIT_BRAIN ? 60 : 10));
        if (entry.severity() == Severity.CRITICAL && entry.kind() != EntryKind.FAILOVER) {
            notification.showError();
        } else {
            notification.showWarning();
        }
    }
}
