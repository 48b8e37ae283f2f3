package io.ballast.model.plan;

import io.ballast.model.ServiceKey;

/**
 * One step of a {@link Plan}. Table steps name the service they touch; each has a one-line summary
 * an operator can read ("tcp/203.0.113.10:443 — add real server 198.51.100.21:443 weight 5").
 */
public sealed interface Operation
        permits AddService, EditService, RemoveService, AddRealServer, EditRealServer, RemoveRealServer {

    ServiceKey service();

    String summary();
}
