package io.ballast.agent.api;

import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code GET /healthz}: the process is alive and serving. The only endpoint without authentication;
 * it says nothing about the cluster.
 *
 * <pre>curl -k https://127.0.0.1:9443/healthz</pre>
 */
final class HealthzResource {

    static final String PATH = "/healthz";

    void get(Context ctx) {
        Json.send(ctx, Map.of("alive", true));
    }
}
