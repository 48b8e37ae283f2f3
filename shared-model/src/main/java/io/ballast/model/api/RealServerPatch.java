package io.ballast.model.api;

import io.ballast.model.AdminState;

/**
 * Body of PATCH /api/v1/virtual-services/{vs}/real-servers/{rs}: a runtime change applied at once.
 * Either field may be null (unchanged).
 */
public record RealServerPatch(Integer weight, AdminState state) {
}
