package io.ballast.agent.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ballast.model.json.SpecCodec;
import io.javalin.http.Context;

/** Writes response bodies with the model's one JSON mapper, so the API and spec files read alike. */
final class Json {

    static final String TYPE = "application/json";

    private Json() {
    }

    static void send(Context ctx, int status, Object body) {
        ctx.status(status).contentType(TYPE).result(write(body));
    }

    static void send(Context ctx, Object body) {
        send(ctx, 200, body);
    }

    static String write(Object body) {
        try {
            return SpecCodec.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an API record could not be written as JSON", e);
        }
    }

    /** One line, for SSE data fields (a newline would end the event). */
    static String writeLine(Object body) {
        try {
            return SpecCodec.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an API record could not be written as JSON", e);
        }
    }
}
