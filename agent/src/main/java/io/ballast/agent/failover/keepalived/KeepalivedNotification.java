package io.ballast.agent.failover.keepalived;

import io.ballast.model.api.Role;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line keepalived writes to its {@code notify_fifo}: {@code INSTANCE "VI_1" MASTER 100} or
 * {@code GROUP "ballast" BACKUP 0}.
 *
 * @param kind     INSTANCE or GROUP (checker lines, VS and RS, are not ours: keepalived runs VRRP only)
 * @param name     the instance or sync group name
 * @param state    MASTER, BACKUP, FAULT or STOP as keepalived spells it
 * @param priority the instance's priority at the transition
 */
public record KeepalivedNotification(String kind, String name, String state, int priority) {

    private static final Pattern LINE =
            Pattern.compile("^(INSTANCE|GROUP)\\s+\"([^\"]*)\"\\s+([A-Z_]+)(?:\\s+(\\d+))?\\s*$");

    /**
     * Lines keepalived writes to the same fifo about events, not transitions: a master that received an
     * advert of lower priority (keepalived 2.2+: typically the old master's last adverts after a fail-back),
     * and priority changes. Read as states they would be "unknown", hence FAULT: the agent would think a
     * director that holds the VIPs had lost them, tell conntrackd it is a backup — which makes it ask the
     * peer for a full resynchronisation and inject the peer's table into the kernel that is forwarding the
     * traffic — and report FAULT until the next real transition.
     */
    private static final Set<String> EVENTS =
            Set.of("MASTER_RX_LOWER_PRI", "MASTER_PRIORITY", "BACKUP_PRIORITY");

    /** Parses a fifo line; empty for lines that are not VRRP transitions (checker lines, events). */
    public static Optional<KeepalivedNotification> parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches() || EVENTS.contains(m.group(3))) {
            return Optional.empty();
        }
        int priority = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        return Optional.of(new KeepalivedNotification(m.group(1), m.group(2), m.group(3), priority));
    }

    /** The role this transition means; STOP (keepalived exiting) and unknown states mean FAULT. */
    public Role role() {
        switch (state) {
            case "MASTER":
                return Role.MASTER;
            case "BACKUP":
                return Role.BACKUP;
            default:
                return Role.FAULT;
        }
    }

    public boolean isGroup() {
        return "GROUP".equals(kind);
    }
}
