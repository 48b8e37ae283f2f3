package io.ballast.agent.failover.lab;

import io.ballast.model.api.Role;

/**
 * VRRPv3's master/backup state machine (RFC 5798 §6.4) with keepalived's preempt delay, driven by
 * explicit time so it is tested without sleeping. Not thread-safe: one owner thread drives it.
 *
 * <p>Each input returns what the owner must do: send an advert now or not. The owner also calls
 * {@link #onTimer(long)} at {@link #deadline()}.
 */
final class VrrpStateMachine {

    /** What one input asks the owner to do. */
    enum Action { NONE, SEND_ADVERT }

    private final String node;
    private final VrrpTimers timers;
    private final boolean preempt;
    private final long preemptDelayMs;
    private final int basePriority;
    private final int notReadyPenalty;

    private Role role = Role.INIT;
    private boolean ready = true;
    private long deadline = Long.MAX_VALUE;
    private long preemptAllowedFrom;

    VrrpStateMachine(String node, int priority, VrrpTimers timers, boolean preempt, long preemptDelayMs,
                     int notReadyPenalty) {
        this.node = node;
        this.basePriority = priority;
        this.timers = timers;
        this.preempt = preempt;
        this.preemptDelayMs = preemptDelayMs;
        this.notReadyPenalty = notReadyPenalty;
    }

    Role role() {
        return role;
    }

    long deadline() {
        return deadline;
    }

    /**
     * The priority this node advertises: a node that is not ready yet (checks not run, table not
     * converged, connections not synced) advertises less, so it does not take the VIPs back too early —
     * the lab's equivalent of keepalived's track_file weight.
     */
    int priority() {
        return ready ? basePriority : Math.max(1, basePriority - notReadyPenalty);
    }

    void setReady(boolean ready) {
        this.ready = ready;
    }

    /** Starts as backup and waits one master-down interval for a master to show itself. */
    Action start(long now) {
        preemptAllowedFrom = now + preemptDelayMs;
        role = Role.BACKUP;
        deadline = now + timers.masterDownMs(priority());
        return Action.NONE;
    }

    /** Continues in the given role with new settings (after a spec change), without a new election. */
    void resume(Role current, long now) {
        preemptAllowedFrom = now + preemptDelayMs;
        role = current == Role.MASTER ? Role.MASTER : Role.BACKUP;
        deadline = role == Role.MASTER ? now : now + timers.masterDownMs(priority());
    }

    Action onTimer(long now) {
        if (now < deadline) {
            return Action.NONE;
        }
        if (role == Role.BACKUP) {
            role = Role.MASTER;
        }
        if (role == Role.MASTER) {
            deadline = now + timers.advertMs();
            return Action.SEND_ADVERT;
        }
        deadline = Long.MAX_VALUE;
        return Action.NONE;
    }

    Action onAdvert(long now, Advert advert) {
        if (advert.node().equals(node)) {
            return Action.NONE;
        }
        if (role == Role.BACKUP) {
            if (advert.priority() == 0) {
                deadline = now + timers.skewMs(priority());
            } else if (!mayPreempt(now) || advert.priority() >= priority()) {
                deadline = now + timers.masterDownMs(priority());
            }
            return Action.NONE;
        }
        if (role == Role.MASTER) {
            if (advert.priority() == 0) {
                deadline = now + timers.advertMs();
                return Action.SEND_ADVERT;
            }
            if (advert.priority() > priority()
                    || (advert.priority() == priority() && advert.node().compareTo(node) > 0)) {
                role = Role.BACKUP;
                deadline = now + timers.masterDownMs(priority());
            }
        }
        return Action.NONE;
    }

    /**
     * Graceful hand-over: a master advertises priority 0 and waits as a backup. It does not preempt
     * for {@code holdMs}, so a drill shows a clean takeover before the fail-back.
     */
    Action stepDown(long now, long holdMs) {
        if (role != Role.MASTER) {
            return Action.NONE;
        }
        role = Role.BACKUP;
        preemptAllowedFrom = Math.max(preemptAllowedFrom, now + holdMs);
        deadline = now + timers.masterDownMs(priority()) + timers.advertMs();
        return Action.SEND_ADVERT;
    }

    /** The advert to send when asked; priority 0 right after a step-down. */
    Advert advert(int vrid, boolean steppingDown) {
        return new Advert(vrid, node, steppingDown ? 0 : priority(), timers.advertMs());
    }

    void fault() {
        role = Role.FAULT;
        deadline = Long.MAX_VALUE;
    }

    // keepalived's preempt_delay: a freshly started node waits before it takes the VIPs from a lower one.
    private boolean mayPreempt(long now) {
        return preempt && now >= preemptAllowedFrom;
    }
}
