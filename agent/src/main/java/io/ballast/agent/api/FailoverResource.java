package io.ballast.agent.api;

import io.ballast.agent.failover.FailoverException;
import io.ballast.model.validate.Problem;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/failover/step-down}: a planned hand-over. The master gives up the VIPs at once
 * (keepalived goes to FAULT and sends a priority-0 advert) and the peer takes them without waiting for
 * a timeout; the {@code takeover} event that follows records when the peer reported MASTER.
 *
 * <pre>curl -k -X POST -H "Authorization: Bearer $TOKEN" https://127.0.0.1:9443/api/v1/failover/step-down</pre>
 */
final class FailoverResource {

    private final ApiServices services;

    FailoverResource(ApiServices services) {
        this.services = services;
    }

    void stepDown(Context ctx) {
        long at = services.clock().millis();
        String actor = Authentication.actor(ctx);
        long revision = services.reconciler().desired().revision();
        try {
            services.failover().stepDown();
        } catch (FailoverException e) {
            throw new ApiException(409, List.of(new Problem("", e.getMessage())), null);
        }
        services.journal().record("step-down", actor, revision, services.nodeId() + " stepped down at "
                + Instant.ofEpochMilli(at) + " on request; the takeover event records when the peer is master");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("steppedDownAtMillis", at);
        body.put("role", services.failover().role());
        Json.send(ctx, 202, body);
    }
}
