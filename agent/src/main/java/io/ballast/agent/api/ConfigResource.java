package io.ballast.agent.api;

import io.ballast.agent.reconcile.ChangeRefusedException;
import io.ballast.model.ClusterSpec;
import io.ballast.model.api.ApplyResult;
import io.javalin.http.Context;

/**
 * The desired spec.
 * <ul>
 * <li>{@code GET /api/v1/config}: the spec in effect; its revision also in the ETag header.
 * <pre>curl -k -H "Authorization: Bearer $TOKEN" https://127.0.0.1:9443/api/v1/config</pre></li>
 * <li>{@code PUT /api/v1/config}: replaces it. Needs {@code If-Match: <revision>} (428 without, 409 when
 * stale); answers the applied plan and the new revision. {@code ?dryRun=true} answers the plan only.
 * <pre>curl -k -X PUT -H "Authorization: Bearer $TOKEN" -H 'If-Match: 3' -H 'Content-Type: application/json' \
 *   --data-binary @spec.json 'https://127.0.0.1:9443/api/v1/config?dryRun=true'</pre></li>
 * <li>{@code GET /api/v1/config/revisions}: the revisions kept for rollback (the last 20), oldest first.
 * <pre>curl -k -H "Authorization: Bearer $TOKEN" https://127.0.0.1:9443/api/v1/config/revisions</pre></li>
 * <li>{@code GET /api/v1/config/revisions/{n}}: one kept revision; PUT it back to roll back.
 * <pre>curl -k -H "Authorization: Bearer $TOKEN" https://127.0.0.1:9443/api/v1/config/revisions/3</pre></li>
 * </ul>
 */
final class ConfigResource {

    private final ApiServices services;

    ConfigResource(ApiServices services) {
        this.services = services;
    }

    void get(Context ctx) {
        ClusterSpec spec = services.reconciler().desired();
        ctx.header("ETag", "\"" + spec.revision() + "\"");
        Json.send(ctx, spec);
    }

    void revisions(Context ctx) throws java.io.IOException {
        Json.send(ctx, services.store().revisions());
    }

    void revision(Context ctx) throws java.io.IOException {
        String n = ctx.pathParam("n");
        long revision;
        try {
            revision = Long.parseLong(n);
        } catch (NumberFormatException e) {
            throw new ApiException(400, "", "revision must be a number, was '" + n + "'");
        }
        ClusterSpec spec = services.store().revision(revision).orElseThrow(() -> new ApiException(404, "",
                "revision " + revision + " is not kept; GET /api/v1/config/revisions lists those that are"));
        Json.send(ctx, spec);
    }

    void put(Context ctx) throws ChangeRefusedException {
        long expected = ifMatch(ctx);
        ClusterSpec spec = RequestBodies.read(ctx, ClusterSpec.class);
        boolean dryRun = Boolean.parseBoolean(ctx.queryParam("dryRun"));
        ApplyResult result = services.reconciler().replace(spec, expected, Authentication.actor(ctx), dryRun);
        ctx.header("ETag", "\"" + result.revision() + "\"");
        Json.send(ctx, result);
    }

    private static long ifMatch(Context ctx) {
        String header = ctx.header("If-Match");
        if (header == null || header.isBlank()) {
            throw new ApiException(428, "", "send If-Match: <revision> with the revision your change is based on"
                    + " (GET /api/v1/config shows it)");
        }
        String value = header.trim().replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ApiException(400, "", "If-Match must be a revision number, was '" + header + "'");
        }
    }
}
