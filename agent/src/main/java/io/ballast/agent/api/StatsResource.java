package io.ballast.agent.api;

import io.javalin.http.Context;
import java.sql.SQLException;

/**
 * {@code GET /api/v1/stats?from=&to=&step=}: traffic history. {@code from}/{@code to} are epoch
 * milliseconds (default: the last 5 minutes), {@code step} milliseconds (default 1000); the answer
 * says which resolution served it (1 s for the last 15 minutes, then 10 s / 5 min per service and
 * 1 min / 1 h per real server).
 *
 * <pre>curl -k -H "Authorization: Bearer $TOKEN" 'https://127.0.0.1:9443/api/v1/stats?step=1000'</pre>
 */
final class StatsResource {

    private final ApiServices services;

    StatsResource(ApiServices services) {
        this.services = services;
    }

    void get(Context ctx) throws SQLException {
        long now = services.clock().millis();
        long to = longParam(ctx, "to", now);
        long from = longParam(ctx, "from", to - 5 * 60_000);
        long step = longParam(ctx, "step", 1000);
        if (from >= to || step <= 0) {
            throw new ApiException(400, "", "need from < to and step > 0 (milliseconds), got from=" + from
                    + " to=" + to + " step=" + step);
        }
        Json.send(ctx, services.history().query(from, to, step, now));
    }

    static long longParam(Context ctx, String name, long fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(400, "?" + name, "must be a whole number, was '" + value + "'");
        }
    }
}
