package io.ballast.agent.api;

import io.ballast.agent.reconcile.ChangeRefusedException;
import io.ballast.model.ServiceKey;
import io.ballast.model.api.RealServerPatch;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code PATCH /api/v1/virtual-services/{vs}/real-servers/{rs}}: weight and/or state
 * (ACTIVE, DRAIN, MAINTENANCE) of one real server, applied at once as one table operation; makes a
 * new revision. Both keys are URL-encoded.
 *
 * <pre>curl -k -X PATCH -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
 *   -d '{"state":"DRAIN"}' \
 *   https://127.0.0.1:9443/api/v1/virtual-services/tcp%2F127.0.0.10%3A8080/real-servers/127.0.0.1%3A9001</pre>
 */
final class RealServerResource {

    private final ApiServices services;

    RealServerResource(ApiServices services) {
        this.services = services;
    }

    void patch(Context ctx) throws ChangeRefusedException {
        ServiceKey service;
        try {
            service = ServiceKey.parse(decode(ctx.pathParam("vs")));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "", e.getMessage());
        }
        String server = decode(ctx.pathParam("rs"));
        RealServerPatch patch = RequestBodies.read(ctx, RealServerPatch.class);
        Json.send(ctx, services.reconciler().patch(service, server, patch, Authentication.actor(ctx)));
    }

    // Jetty may leave %2F encoded in a path segment; decoding twice is harmless for these keys.
    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
