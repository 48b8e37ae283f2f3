package io.ballast.agent.failover.keepalived;

import io.ballast.model.api.Role;
import java.util.Optional;
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

    /** Parses a fifo line; empty for lines that are not VRRP transitions. */
    public static Optional<KeepalivedNotification> parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
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
