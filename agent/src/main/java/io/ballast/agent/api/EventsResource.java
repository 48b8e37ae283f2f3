package io.ballast.agent.api;

import io.javalin.http.Context;
import java.sql.SQLException;

/**
 * {@code GET /api/v1/events?since=<id>&limit=<n>}: journal entries after an event id, oldest first
 * (default: from the start, at most 1000).
 *
 * <pre>curl -k -H "Authorization: Bearer $TOKEN" 'https://127.0.0.1:9443/api/v1/events?since=0'</pre>
 */
final class EventsResource {

    private final ApiServices services;

    EventsResource(ApiServices services) {
        this.services = services;
    }

    void get(Context ctx) throws SQLException {
        long since = StatsResource.longParam(ctx, "since", 0);
        long limit = StatsResource.longParam(ctx, "limit", 1000);
        if (limit < 1 || limit > 10_000) {
            throw new ApiException(400, "?limit", "must be between 1 and 10000, was " + limit);
        }
        Json.send(ctx, services.journal().since(since, (int) limit));
    }
}
