package io.ballast.agent.health;

import io.ballast.model.CheckType;

/**
 * One kind of health check (tcp, http, https, script; later snmp, winrm). A checker turns a
 * {@link ProbeTarget} into a {@link Probe} once per spec change; the monitor runs the probe on its
 * schedule. New kinds plug in through {@link CheckerRegistry} without touching the monitor.
 */
public interface Checker extends AutoCloseable {

    /** The check type this checker answers for. */
    CheckType type();

    /**
     * Prepares the probe of one real server. Cheap and pure: no I/O here.
     *
     * @throws IllegalArgumentException with a sentence for the operator when the check cannot run
     *                                  as written (a path that is no URL path, a bad regex…)
     */
    Probe prepare(ProbeTarget target);

    /** Releases threads or clients the checker holds. */
    @Override
    default void close() {
    }
}
