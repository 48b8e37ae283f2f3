package io.ballast.agent.api;

import io.ballast.agent.reconcile.ChangeRefusedException;
import io.ballast.model.api.ApiError;
import io.ballast.model.validate.Problem;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every route of the agent API, and how errors leave it: always {@link ApiError} JSON. The server
 * ({@link ApiServer}) and the tests install the same routes. Endpoints, with a working curl line
 * each, are listed in docs/api.md.
 */
public final class ApiRoutes {

    public static final String V1 = "/api/v1";

    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);

    private ApiRoutes() {
    }

    public static void install(JavalinConfig config, ApiServices services) {
        config.http.maxRequestSize = RequestBodies.MAX_BYTES;
        Authentication auth = new Authentication(services.token(), services.throttle());
        StatusResource status = new StatusResource(services);
        ConfigResource configResource = new ConfigResource(services);
        RealServerResource realServers = new RealServerResource(services);
        StreamResource stream = new StreamResource(services);

        config.routes.before(auth::check);
        config.routes.get(HealthzResource.PATH, new HealthzResource()::get);
        config.routes.get(V1 + "/status", status::get);
        config.routes.get(V1 + "/config", configResource::get);
        config.routes.put(V1 + "/config", configResource::put);
        config.routes.get(V1 + "/config/revisions", configResource::revisions);
        config.routes.get(V1 + "/config/revisions/{n}", configResource::revision);
        config.routes.patch(V1 + "/virtual-services/{vs}/real-servers/{rs}", realServers::patch);
        config.routes.get(V1 + "/stats", new StatsResource(services)::get);
        config.routes.get(V1 + "/events", new EventsResource(services)::get);
        config.routes.post(V1 + "/failover/step-down", new FailoverResource(services)::stepDown);
        config.routes.sse(V1 + "/stream", stream::open);
        config.routes.get("/metrics", new MetricsResource(services, status)::get);
        installErrors(config);
    }

    private static void installErrors(JavalinConfig config) {
        config.routes.exception(ApiException.class, (e, ctx) -> send(ctx, e.status(), e.problems(), e.revision()));
        config.routes.exception(ChangeRefusedException.class, (e, ctx) -> send(ctx, status(e), e.problems(),
                e.reason() == ChangeRefusedException.Reason.STALE_REVISION ? e.currentRevision() : null));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> send(ctx, e.getStatus(),
                List.of(new Problem("", e.getStatus() == 413 ? RequestBodies.tooLarge(ctx.contentLength()).getMessage()
                        : e.getMessage())), null));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
            send(ctx, 500, List.of(new Problem("", "the agent failed: " + e + "; see its log")), null);
        });
        config.routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                send(ctx, 404, List.of(new Problem("", "no such endpoint: " + ctx.method() + " " + ctx.path())), null);
            }
        });
        config.routes.error(405, ctx -> send(ctx, 405,
                List.of(new Problem("", ctx.method() + " is not allowed on " + ctx.path())), null));
    }

    private static int status(ChangeRefusedException e) {
        switch (e.reason()) {
            case INVALID:
                return 400;
            case STALE_REVISION:
                return 409;
            case NOT_FOUND:
                return 404;
            default:
                return 500;
        }
    }

    private static void send(Context ctx, int status, List<Problem> problems, Long revision) {
        Json.send(ctx, status, new ApiError(status, problems, revision));
    }
}
