package io.ballast.app.timeline;

import java.util.Locale;

/** What happened, as far as the timeline draws it differently. */
public enum EntryKind {
    FAILOVER, ROLE_CHANGE, HEALTH, APPLY, ALARM, SPLIT_BRAIN, SPEC_MISMATCH, CONNECTION, OTHER;

    /** The agent's event kinds ("role-changed", "spec-applied"…) and the upper-case names alike. */
    static EntryKind ofEventType(String type) {
        switch (type.toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "role-changed":
            case "role-change":
                return ROLE_CHANGE;
            case "health":
                return HEALTH;
            case "spec-applied":
            case "apply":
            case "apply-failed":
            case "reconciled":
            case "drift-repaired":
            case "real-server-patched":
                return APPLY;
            case "alarm":
                return ALARM;
            case "split-brain":
                return SPLIT_BRAIN;
            case "spec-mismatch":
                return SPEC_MISMATCH;
            default:
                try {
                    return valueOf(type.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    return OTHER;
                }
        }
    }
}
