package io.ballast.agent.api;

import io.ballast.agent.security.LoginThrottle;
import io.ballast.agent.security.TokenStore;
import io.javalin.http.Context;

/**
 * Checks {@code Authorization: Bearer <token>} on every request but the liveness check. A failed
 * attempt makes its client address wait ({@link LoginThrottle}); a request that comes too soon is
 * answered 429 with Retry-After, without its token even being checked. The 401 says no more than
 * that authentication failed.
 */
final class Authentication {

    static final String ACTOR = "actor";

    private final TokenStore token;
    private final LoginThrottle throttle;

    Authentication(TokenStore token, LoginThrottle throttle) {
        this.token = token;
        this.throttle = throttle;
    }

    void check(Context ctx) {
        if (ctx.path().equals(HealthzResource.PATH)) {
            return;
        }
        String client = ctx.req().getRemoteAddr();
        long wait = throttle.delayMillis(client);
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString((wait + 999) / 1000));
            throw new ApiException(429, "", "too many failed logins from " + client + "; wait " + wait + " ms");
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            // No token presented is no guess: answer at once, without counting it against the address.
            ctx.header("WWW-Authenticate", "Bearer realm=\"ballast-agent\"");
            throw new ApiException(401, "", "authentication required");
        }
        if (!token.matches(header.substring(7).trim())) {
            throttle.failed(client);
            ctx.header("WWW-Authenticate", "Bearer realm=\"ballast-agent\"");
            throw new ApiException(401, "", "authentication required");
        }
        throttle.succeeded(client);
        ctx.attribute(ACTOR, token.tokenId());
    }

    static String actor(Context ctx) {
        String actor = ctx.attribute(ACTOR);
        return actor == null ? "unknown" : actor;
    }
}
