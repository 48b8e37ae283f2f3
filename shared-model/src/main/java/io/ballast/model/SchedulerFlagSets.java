package io.ballast.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The sixteen possible sets of scheduler flags, made once. Every service holds one of these, so its
 * flags iterate in declaration order (stable JSON, stable hash) and building a service copies nothing.
 */
final class SchedulerFlagSets {

    private static final SchedulerFlag[] FLAGS = SchedulerFlag.values();
    @SuppressWarnings("unchecked")
    private static final Set<SchedulerFlag>[] BY_MASK = new Set[1 << FLAGS.length];

    static {
        for (int mask = 0; mask < BY_MASK.length; mask++) {
            EnumSet<SchedulerFlag> set = EnumSet.noneOf(SchedulerFlag.class);
            for (SchedulerFlag flag : FLAGS) {
                if ((mask & (1 << flag.ordinal())) != 0) {
                    set.add(flag);
                }
            }
            BY_MASK[mask] = Collections.unmodifiableSet(set);
        }
    }

    private SchedulerFlagSets() {
    }

    /** The shared, ordered, unmodifiable set with the same flags; null counts as none. */
    static Set<SchedulerFlag> of(Set<SchedulerFlag> flags) {
        if (flags == null || flags.isEmpty()) {
            return BY_MASK[0];
        }
        int mask = 0;
        for (SchedulerFlag flag : flags) {
            mask |= 1 << flag.ordinal();
        }
        return BY_MASK[mask];
    }
}
