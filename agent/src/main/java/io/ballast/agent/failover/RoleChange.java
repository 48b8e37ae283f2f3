package io.ballast.agent.failover;

import io.ballast.model.api.Role;

/**
 * One role transition as the engine saw it.
 *
 * @param from     the role before
 * @param to       the role now
 * @param atMillis when the engine noticed it (wall clock)
 * @param reason   in words: "started", "peer silent for 3 adverts", "stepped down"…
 */
public record RoleChange(Role from, Role to, long atMillis, String reason) {
}
