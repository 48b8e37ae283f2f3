package io.ballast.app.timeline;

import java.util.Locale;

/** What happened, as far as the timeline draws it differently. */
public enum EntryKind {
    FAILOVER, ROLE_CHANGE, HEALTH, APPLY, ALARM, SPLIT_BRAIN, SPEC_MISMATCH, CONNECTION, OTHER;

    static EntryKind ofEventType(String type) {
        try {
            return valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return OTHER;
        }
    }
}
