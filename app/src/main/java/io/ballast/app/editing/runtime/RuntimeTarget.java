package io.ballast.app.editing.runtime;

import io.ballast.model.ServiceKey;

/**
 * The real server a runtime action is for: its service, its key ({@code address:port}) and the name
 * the operator knows it by.
 */
public record RuntimeTarget(ServiceKey service, String serverKey, String label) {
}
